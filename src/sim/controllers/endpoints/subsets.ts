/**
 * The subsets of a Service's Endpoints (pkg/controller/endpoint `syncService` and
 * pkg/api/v1/endpoints `RepackSubsets`): each pod that belongs, as a ready or not-ready address
 * for every Service port it can serve, then addresses grouped by the set of ports they offer.
 * Addresses sort by IP as strings, as `LessEndpointAddress` compares them. Kubernetes orders
 * ports and subsets by a hash; here they keep the Service's order (see the report: uncertain).
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { findPort, isPodReady, shouldPodBeInEndpoints, shouldSetHostname } from '../endpointslice/pod-endpoint';
import type { PodObject, ServiceObject } from '../endpointslice/service-selection';

/** `maxCapacity`: more addresses than this are truncated, and the Endpoints say so. */
export const MAX_ENDPOINTS_ADDRESSES = 1000;

interface Entry {
  address: EndpointAddress;
  ready: boolean;
  ports: EndpointPort[];
}

function addressOf(pod: PodObject, svc: ServiceObject): EndpointAddress {
  const address: EndpointAddress = { ip: (pod.status?.podIP || pod.status?.podIPs?.[0]?.ip) ?? '' };
  if (shouldSetHostname(pod, svc)) address.hostname = pod.spec!.hostname;
  address.nodeName = pod.spec?.nodeName ?? '';
  address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  return address;
}

export function endpointSubsets(svc: ServiceObject, pods: readonly PodObject[]): EndpointSubset[] {
  const publishNotReady = !!svc.spec?.publishNotReadyAddresses;
  const svcPorts = svc.spec?.ports ?? [];
  const headless = svc.spec?.clusterIP === 'None';
  const entries: Entry[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const ready = publishNotReady || isPodReady(pod);
    const address = addressOf(pod, svc);
    if (svcPorts.length === 0) {
      if (headless) entries.push({ address, ready, ports: [] });
      continue;
    }
    const ports: EndpointPort[] = [];
    for (const sp of svcPorts) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = sp.name ? { name: sp.name, port, protocol: sp.protocol ?? 'TCP' } : { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      ports.push(ep);
    }
    if (ports.length) entries.push({ address, ready, ports });
  }
  return repack(entries);
}

/** `RepackSubsets`: one subset per distinct set of ports, its addresses sorted. */
function repack(entries: Entry[]): EndpointSubset[] {
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const e of entries) {
    const key = JSON.stringify(e.ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports: e.ports, ready: [], notReady: [] }));
    (e.ready ? g.ready : g.notReady).push(e.address);
  }
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ss: EndpointSubset = {};
    if (g.ready.length) ss.addresses = g.ready.sort(lessAddress);
    if (g.notReady.length) ss.notReadyAddresses = g.notReady.sort(lessAddress);
    if (g.ports.length) ss.ports = g.ports;
    subsets.push(ss);
  }
  return subsets.sort((a, b) => lessAddress(firstAddress(a), firstAddress(b)));
}

function firstAddress(ss: EndpointSubset): EndpointAddress {
  return ss.addresses?.[0] ?? ss.notReadyAddresses![0];
}

function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * `truncateEndpoints`: keeps at most 1000 addresses, ready ones first, spread over the subsets
 * in proportion; true when it had to.
 */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  let total = 0;
  let ready = 0;
  for (const ss of subsets) {
    total += (ss.addresses?.length ?? 0) + (ss.notReadyAddresses?.length ?? 0);
    ready += ss.addresses?.length ?? 0;
  }
  if (total <= MAX_ENDPOINTS_ADDRESSES) return false;
  const canReady = Math.min(ready, MAX_ENDPOINTS_ADDRESSES);
  let canNotReady = MAX_ENDPOINTS_ADDRESSES - canReady;
  let readyLeft = canReady;
  subsets.forEach((ss, i) => {
    const r = ss.addresses?.length ?? 0;
    const keepReady = i === subsets.length - 1 ? readyLeft : Math.min(readyLeft, Math.floor((r / Math.max(ready, 1)) * canReady));
    if (ss.addresses) ss.addresses = ss.addresses.slice(0, keepReady);
    readyLeft -= Math.min(keepReady, r);
    const n = ss.notReadyAddresses?.length ?? 0;
    if (ss.notReadyAddresses) ss.notReadyAddresses = ss.notReadyAddresses.slice(0, Math.min(n, canNotReady));
    canNotReady -= Math.min(n, canNotReady);
  });
  return true;
}
