/**
 * A pod as an endpoint of a Service (k8s.io/endpointslice utils.go and util/controller_utils.go):
 * whether it belongs at all, the port a Service port reaches on it (a named targetPort looked up
 * in its containers, per pod), and its EndpointSlice endpoint with ready/serving/terminating.
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { PodObject, ServiceObject } from './service-selection';

/** `ShouldPodBeInEndpoints`: not terminal, has an IP, and not terminating unless that is asked for. */
export function shouldPodBeInEndpoints(pod: PodObject, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

export function isPodReady(pod: PodObject): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/**
 * `FindPort`: a number is used as it is; a name is looked up among the containers' ports (then
 * restartable init containers') with the Service port's protocol; undefined when none has it.
 */
export function findPort(pod: PodObject, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** `getEndpointPorts`: one per Service port the pod can serve. */
export function endpointPorts(svc: ServiceObject, pod: PodObject): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/** `ShouldSetHostname`: a pod with hostname and subdomain naming this headless-style Service. */
export function shouldSetHostname(pod: PodObject, svc: ServiceObject): boolean {
  return !!pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;
}

/**
 * `podToEndpoint`: serving is the pod's readiness, terminating its deletion, and ready is
 * serving and not terminating — or always, with `publishNotReadyAddresses`.
 */
export function podToEndpoint(pod: PodObject, svc: ServiceObject, zone: string | undefined): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating);
  // Fields in the Go struct's order, as `-o json` shows them.
  const ep: Endpoint = {
    addresses: [(pod.status?.podIP || pod.status?.podIPs?.[0]?.ip) ?? ''],
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec!.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  if (zone) ep.zone = zone;
  return ep;
}

/** The identity of an endpoint across syncs (`hashEndpoint`): addresses, hostname, target pod. */
export function endpointKey(ep: Endpoint): string {
  return `${ep.targetRef?.namespace ?? ''}/${ep.targetRef?.name ?? ''}|${[...(ep.addresses ?? [])].sort().join(',')}|${ep.hostname ?? ''}`;
}
