/**
 * The Endpoints controller (pkg/controller/endpoint): for every Service with a selector, an
 * Endpoints object of the same name listing its pods' addresses (`addresses` when ready,
 * `notReadyAddresses` when not; terminating pods left out unless `publishNotReadyAddresses`),
 * with the Service's labels and `endpoints.kubernetes.io/last-change-trigger-time`. A deleted
 * Service's Endpoints are deleted; deleting the Endpoints of a live Service brings them back.
 */
import type { EndpointSubset, Endpoints } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import { keyOf, splitKey } from '../../core/keys';
import type { KObject } from '../../core/object';
import { Backoff } from '../../informers/backoff';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import { HEADLESS_LABEL } from '../endpointslice/reconciler';
import { selectorOf, ServiceSelection } from '../endpointslice/service-selection';
import { SyncPacer } from '../endpointslice/sync-pacer';
import { TRIGGER_TIME_ANNOTATION, TriggerTimeTracker } from '../endpointslice/trigger-time';
import { endpointSubsets, truncateSubsets } from './subsets';

export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

type EndpointsObject = Endpoints & KObject;

export class EndpointsController {
  readonly queue: WorkQueue;
  private readonly selection: ServiceSelection;
  private readonly pacer: SyncPacer;
  private readonly triggers = new TriggerTimeTracker();
  private readonly backoff = new Backoff();

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'endpoint-controller');
    this.pacer = new SyncPacer(ctx.clock, this.queue);
    this.selection = ServiceSelection.of(informers, (key) => this.pacer.enqueue(key));
    informers.for('endpoints').onChange((obj, _old, type) => {
      if (type === 'DELETED') this.pacer.enqueue(keyOf(obj));
    });
    for (const svc of informers.for('services').list()) this.queue.add(keyOf(svc));
  }

  sync(key: string): number | void {
    const [ns, name] = splitKey(key);
    const svc = this.selection.service(key);
    try {
      if (!svc) {
        this.triggers.forget({ namespace: ns, name });
        this.backoff.forget(key);
        if (this.informers.for('endpoints').get(ns, name)) this.ctx.api.delete('endpoints', ns, name);
        return;
      }
      if (svc.spec?.type === 'ExternalName' || !selectorOf(svc)) return;
      const pods = this.selection.podsOf(svc);
      this.pacer.synced(key, pods.length);
      // Computed even when nothing is written, so the tracker remembers this sync.
      const trigger = this.triggers.compute(svc, pods);
      const subsets = endpointSubsets(svc, pods);
      const current = this.informers.for('endpoints').get(ns, name) as EndpointsObject | undefined;
      const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
      if (current && this.upToDate(current, subsets, labels)) return;
      this.write(svc.metadata.namespace!, name, current, subsets, labels, trigger, svc.spec?.clusterIP);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return this.backoff.next(key);
    }
    this.backoff.forget(key);
  }

  private upToDate(current: EndpointsObject, subsets: EndpointSubset[], labels: Record<string, string>): boolean {
    const currentLabels = { ...(current.metadata.labels ?? {}) };
    delete currentLabels[HEADLESS_LABEL];
    const truncated = current.metadata.annotations?.[OVER_CAPACITY_ANNOTATION] === 'truncated';
    const count = (current.subsets ?? []).reduce((n, ss) => n + (ss.addresses?.length ?? 0) + (ss.notReadyAddresses?.length ?? 0), 0);
    return sameJson(current.subsets ?? [], subsets) && sameJson(currentLabels, labels) && truncated === count > 1000;
  }

  private write(ns: string, name: string, current: EndpointsObject | undefined, subsets: EndpointSubset[], labels: Record<string, string>, trigger: string | undefined, clusterIP: string | undefined): void {
    const annotations = { ...(current?.metadata.annotations ?? {}) };
    if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger;
    else delete annotations[TRIGGER_TIME_ANNOTATION];
    if (truncateSubsets(subsets)) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
    else delete annotations[OVER_CAPACITY_ANNOTATION];
    if (!clusterIP || clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    const metadata: KObject['metadata'] = { ...(current?.metadata ?? { name, namespace: ns }), labels, annotations };
    if (Object.keys(labels).length === 0) delete metadata.labels;
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
    const body: KObject = { apiVersion: 'v1', kind: 'Endpoints', metadata };
    if (subsets.length) body.subsets = subsets;
    if (current) this.ctx.api.update('endpoints', ns, body);
    else this.ctx.api.create('endpoints', ns, body);
  }
}

export function startEndpointsController(ctx: SimContext, informers: SharedInformers): EndpointsController {
  return new EndpointsController(ctx, informers);
}
