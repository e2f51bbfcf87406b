/**
 * What the EndpointSlice controller writes for one Service (k8s.io/endpointslice reconciler.go),
 * as a plan: slices to create, update and delete. Endpoints are grouped by the ports they serve
 * (a named targetPort may resolve differently per pod); existing slices keep the endpoints still
 * wanted, in place; new endpoints fill the slices being updated, then an unchanged slice with
 * room, then new slices of at most `maxPerSlice`. A Service with no endpoints keeps one empty
 * placeholder slice. Creates that meet a slice about to be deleted become updates of it.
 */
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { sameJson } from '../../core/json-equal';
import type { KObject } from '../../core/object';
import { endpointKey, endpointPorts, podToEndpoint, shouldPodBeInEndpoints } from './pod-endpoint';
import type { PodObject, ServiceObject } from './service-selection';

export type SliceObject = EndpointSlice & KObject;

export const MAX_ENDPOINTS_PER_SLICE = 100;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';

export interface SlicePlan {
  create: SliceObject[];
  update: SliceObject[];
  delete: SliceObject[];
}

export interface ReconcileInput {
  service: ServiceObject;
  pods: readonly PodObject[];
  existing: readonly SliceObject[];
  /** A node's `topology.kubernetes.io/zone`; null when the node does not exist. */
  zoneOf(nodeName: string): string | undefined | null;
  maxPerSlice?: number;
}

const portsKey = (ports: readonly EndpointPort[] | null | undefined) => JSON.stringify(ports ?? []);

/** `setEndpointSliceLabels`: the Service's labels, minus the reserved ones, plus the controller's. */
export function sliceLabels(svc: ServiceObject, managedBy = CONTROLLER_NAME): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = v;
  }
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None') labels[HEADLESS_LABEL] = '';
  labels[SERVICE_NAME_LABEL] = svc.metadata.name!;
  labels[MANAGED_BY_LABEL] = managedBy;
  return labels;
}

function newSlice(svc: ServiceObject, ports: EndpointPort[]): SliceObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace,
      labels: sliceLabels(svc),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    // Empty lists go through the api-server's protobuf as null, as `-o yaml` shows them.
    endpoints: null as unknown as Endpoint[],
    ports: ports.length ? ports : (null as unknown as EndpointPort[]),
  };
}

function ownedBy(slice: SliceObject, svc: ServiceObject): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

export function reconcileSlices(input: ReconcileInput): SlicePlan {
  const { service: svc, existing } = input;
  const max = input.maxPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const plan: SlicePlan = { create: [], update: [], delete: [] };

  const existingByPorts = new Map<string, SliceObject[]>();
  for (const s of existing) {
    if (!ownedBy(s, svc) || s.addressType !== 'IPv4') {
      plan.delete.push(s);
      continue;
    }
    const k = portsKey(s.ports);
    existingByPorts.set(k, [...(existingByPorts.get(k) ?? []), s]);
  }

  const desired = new Map<string, { ports: EndpointPort[]; endpoints: Map<string, Endpoint> }>();
  for (const pod of input.pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const zone = input.zoneOf(pod.spec?.nodeName ?? '');
    // A pod on a node that is gone is left out, unless not-ready addresses are published anyway.
    if (zone === null && !svc.spec?.publishNotReadyAddresses) continue;
    const ports = endpointPorts(svc, pod);
    const k = portsKey(ports);
    let group = desired.get(k);
    if (!group) desired.set(k, (group = { ports, endpoints: new Map() }));
    const ep = podToEndpoint(pod, svc, zone ?? undefined);
    group.endpoints.set(endpointKey(ep), ep);
  }

  for (const [k, group] of desired) {
    const part = reconcilePortGroup(svc, existingByPorts.get(k) ?? [], group.endpoints, group.ports, max);
    plan.create.push(...part.create);
    plan.update.push(...part.update);
    plan.delete.push(...part.delete);
  }
  for (const [k, slices] of existingByPorts) if (!desired.has(k)) plan.delete.push(...slices);

  // A Service with no endpoints at all keeps one empty slice.
  if (existing.length === plan.delete.length && plan.create.length === 0) {
    const placeholder = newSlice(svc, []);
    const only = plan.delete.length === 1 ? plan.delete[0] : undefined;
    if (only && isPlaceholder(only, placeholder)) plan.delete = [];
    else plan.create.push(placeholder);
  }

  // Creates become updates of slices that would otherwise be deleted.
  for (let i = 0; i < plan.delete.length && plan.create.length > 0; ) {
    const doomed = plan.delete[i];
    if (doomed.addressType === 'IPv4' && ownedBy(doomed, svc)) {
      const slice = plan.create.pop()!;
      plan.update.push({ ...slice, metadata: { ...doomed.metadata, labels: slice.metadata.labels } });
      plan.delete.splice(i, 1);
    } else i++;
  }
  return plan;
}

function isPlaceholder(slice: SliceObject, placeholder: SliceObject): boolean {
  return (
    slice.metadata.namespace === placeholder.metadata.namespace &&
    sameJson(slice.metadata.labels ?? {}, placeholder.metadata.labels) &&
    !slice.endpoints?.length &&
    !slice.ports?.length
  );
}

/** `reconcileByPortMapping` for the slices of one set of ports. */
function reconcilePortGroup(svc: ServiceObject, existing: SliceObject[], desired: Map<string, Endpoint>, ports: EndpointPort[], max: number): SlicePlan {
  const labels = sliceLabels(svc);
  const toUpdate: SliceObject[] = [];
  const unchanged: SliceObject[] = [];
  const toDelete: SliceObject[] = [];
  for (const slice of existing) {
    const kept: Endpoint[] = [];
    let changed = false;
    for (const ep of slice.endpoints ?? []) {
      const k = endpointKey(ep);
      const want = desired.get(k);
      if (!want) continue;
      kept.push(want);
      if (!sameJson(want, ep)) changed = true;
      desired.delete(k);
    }
    const labelsChanged = !sameJson(slice.metadata.labels ?? {}, labels);
    if (changed || kept.length !== (slice.endpoints ?? []).length) {
      if (kept.length === 0) toDelete.push(slice);
      else toUpdate.push({ ...slice, metadata: { ...slice.metadata, labels }, endpoints: kept });
    } else if (labelsChanged) {
      toUpdate.push({ ...slice, metadata: { ...slice.metadata, labels } });
    } else unchanged.push(slice);
  }

  const rest = [...desired.values()];
  // Fill the slices being updated anyway, fullest first.
  toUpdate.sort((a, b) => (b.endpoints ?? []).length - (a.endpoints ?? []).length);
  for (const slice of toUpdate) {
    const room = max - (slice.endpoints ?? []).length;
    if (room > 0 && rest.length) slice.endpoints = [...(slice.endpoints ?? []), ...rest.splice(0, room)];
  }

  const create: SliceObject[] = [];
  while (rest.length > 0) {
    let fill: SliceObject | undefined;
    if (rest.length < max && unchanged.length > 0) fill = closestToFull(unchanged, rest.length, max);
    if (fill) {
      unchanged.splice(unchanged.indexOf(fill), 1);
      const room = max - (fill.endpoints ?? []).length;
      toUpdate.push({ ...fill, endpoints: [...(fill.endpoints ?? []), ...rest.splice(0, room)] });
    } else {
      const slice = newSlice(svc, ports);
      slice.endpoints = rest.splice(0, max);
      create.push(slice);
    }
  }
  return { create, update: toUpdate, delete: toDelete };
}

/** `getSliceToFill`: the slice that `count` more endpoints would bring closest to full. */
function closestToFull(slices: SliceObject[], count: number, max: number): SliceObject | undefined {
  let best: SliceObject | undefined;
  let bestDiff = max;
  for (const s of slices) {
    const diff = max - (count + (s.endpoints ?? []).length);
    if (diff >= 0 && diff < bestDiff) {
      bestDiff = diff;
      best = s;
      if (diff === 0) break;
    }
  }
  return best;
}
