/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): Endpoints
 * written by hand for a Service without a selector are mirrored into EndpointSlices
 * (`<name>-<5 chars>`, owned by the Endpoints, managed-by
 * `endpointslicemirroring-controller.k8s.io`), so kube-proxy, which reads only slices, routes
 * to them. One slice per set of ports, at most 1000 addresses of a subset mirrored. Endpoints
 * labelled `endpointslice.kubernetes.io/skip-mirror: "true"` (the api-server's own) are left alone.
 */
import type { EndpointAddress, Endpoints } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import { keyOf, splitKey } from '../../core/keys';
import type { KObject } from '../../core/object';
import { parseIPv4 } from '../../core/names';
import { Backoff } from '../../informers/backoff';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import { SKIP_MIRROR_LABEL } from '../endpoints/apiserver-endpoints';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL, type SliceObject } from '../endpointslice/reconciler';
import { selectorOf, type ServiceObject } from '../endpointslice/service-selection';
import { TRIGGER_TIME_ANNOTATION } from '../endpointslice/trigger-time';

export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
const MAX_PER_SUBSET = 1000;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type EndpointsObject = Endpoints & KObject;

export class EndpointSliceMirroringController {
  readonly queue: WorkQueue;
  private readonly backoff = new Backoff();
  private readonly slices = new Map<string, Map<string, SliceObject>>();

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'endpointslice-mirroring-controller');
    const enqueue = (obj: KObject) => this.queue.add(keyOf(obj));
    informers.for('endpoints').onChange(enqueue);
    informers.for('services').onChange(enqueue);
    const sliceInformer = informers.for('endpointslices');
    for (const s of sliceInformer.list()) this.sliceChanged(s as SliceObject, 'ADDED');
    sliceInformer.onChange((obj, _old, type) => this.sliceChanged(obj as SliceObject, type));
    for (const e of informers.for('endpoints').list()) enqueue(e);
  }

  private sliceChanged(slice: SliceObject, type: string): void {
    const labels = slice.metadata.labels ?? {};
    if (labels[MANAGED_BY_LABEL] !== MIRRORING_CONTROLLER_NAME || !labels[SERVICE_NAME_LABEL]) return;
    const key = `${slice.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}`;
    let byName = this.slices.get(key);
    if (!byName) this.slices.set(key, (byName = new Map()));
    if (type === 'DELETED') byName.delete(slice.metadata.name!);
    else byName.set(slice.metadata.name!, slice);
    if (type === 'DELETED') this.queue.add(key);
  }

  sync(key: string): number | void {
    const [ns, name] = splitKey(key);
    const endpoints = this.informers.for('endpoints').get(ns, name) as EndpointsObject | undefined;
    const svc = this.informers.for('services').get(ns, name) as ServiceObject | undefined;
    const existing = [...(this.slices.get(key)?.values() ?? [])];
    const mirror = endpoints && svc && !selectorOf(svc) && endpoints.metadata.labels?.[SKIP_MIRROR_LABEL] !== 'true';
    const desired = mirror ? desiredSlices(endpoints) : [];
    try {
      const byPorts = new Map(existing.map((s) => [JSON.stringify(s.ports ?? []), s]));
      for (const want of desired) {
        const k = JSON.stringify(want.ports ?? []);
        const have = byPorts.get(k);
        byPorts.delete(k);
        if (!have) this.ctx.api.create('endpointslices', ns, want);
        else if (!sameJson(have.endpoints, want.endpoints) || !sameJson(have.metadata.labels, want.metadata.labels) || !sameJson(have.metadata.annotations ?? {}, want.metadata.annotations ?? {})) {
          this.ctx.api.update('endpointslices', ns, { ...have, metadata: { ...have.metadata, labels: want.metadata.labels, annotations: want.metadata.annotations }, endpoints: want.endpoints });
        }
      }
      for (const stale of byPorts.values()) {
        // The garbage collector may have taken it already (its Endpoints are gone).
        if (this.informers.for('endpointslices').get(ns, stale.metadata.name!)) this.ctx.api.delete('endpointslices', ns, stale.metadata.name!);
      }
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return this.backoff.next(key);
    }
    this.backoff.forget(key);
  }
}

/** The slices an Endpoints object mirrors to: one per set of ports, ready addresses first. */
function desiredSlices(ep: EndpointsObject): SliceObject[] {
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
  for (const ss of ep.subsets ?? []) {
    const ports: EndpointPort[] = (ss.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const k = JSON.stringify(ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports, endpoints: [] }));
    let added = 0;
    const add = (a: EndpointAddress, ready: boolean) => {
      if (added >= MAX_PER_SUBSET || parseIPv4(a.ip) === undefined) return;
      added++;
      g!.endpoints.push(addressToEndpoint(a, ready));
    };
    for (const a of ss.addresses ?? []) add(a, true);
    for (const a of ss.notReadyAddresses ?? []) add(a, false);
  }
  const labels: Record<string, string> = { ...(ep.metadata.labels ?? {}) };
  delete labels[MANAGED_BY_LABEL];
  labels[SERVICE_NAME_LABEL] = ep.metadata.name!;
  labels[MANAGED_BY_LABEL] = MIRRORING_CONTROLLER_NAME;
  const annotations: Record<string, string> = { ...(ep.metadata.annotations ?? {}) };
  delete annotations[TRIGGER_TIME_ANNOTATION];
  delete annotations[LAST_APPLIED];
  const out: SliceObject[] = [];
  for (const g of groups.values()) {
    if (g.endpoints.length === 0) continue;
    const metadata: KObject['metadata'] = {
      generateName: `${ep.metadata.name}-`,
      namespace: ep.metadata.namespace,
      labels,
      annotations,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: ep.metadata.name!, uid: ep.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    };
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
    out.push({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata, addressType: 'IPv4', endpoints: g.endpoints, ports: g.ports.length ? g.ports : (null as unknown as EndpointPort[]) });
  }
  return out;
}

/** `addressToEndpoint`: the address, its readiness, and what it says about itself. */
function addressToEndpoint(a: EndpointAddress, ready: boolean): Endpoint {
  const ep: Endpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.hostname) ep.hostname = a.hostname;
  if (a.targetRef) ep.targetRef = a.targetRef;
  if (a.nodeName) ep.nodeName = a.nodeName;
  return ep;
}

export function startEndpointSliceMirroringController(ctx: SimContext, informers: SharedInformers): EndpointSliceMirroringController {
  return new EndpointSliceMirroringController(ctx, informers);
}
