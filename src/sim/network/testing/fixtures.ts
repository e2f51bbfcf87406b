/** Services and EndpointSlices as the api-server and the EndpointSlice controller write them, for the network's tests. */
import type { Service, ServiceSpec } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';

export function service(name: string, spec: ServiceSpec, namespace = 'default', status?: Service['status']): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type: 'ClusterIP', sessionAffinity: 'None', ...spec, ...(spec.clusterIP ? { clusterIPs: [spec.clusterIP] } : {}) },
    ...(status ? { status } : {}),
  };
}

/** One endpoint: `ip` on `node`, ready unless told otherwise. */
export function endpoint(ip: string, node: string, opts: { ready?: boolean; serving?: boolean; terminating?: boolean; hostname?: string; pod?: string } = {}): Endpoint {
  const ready = opts.ready ?? true;
  return {
    addresses: [ip],
    conditions: { ready, serving: opts.serving ?? ready, terminating: opts.terminating ?? false },
    nodeName: node,
    ...(opts.hostname ? { hostname: opts.hostname } : {}),
    ...(opts.pod ? { targetRef: { kind: 'Pod', namespace: 'default', name: opts.pod } } : {}),
  };
}

export function slice(svc: string, name: string, endpoints: Endpoint[], ports: Array<{ name?: string; port: number; protocol?: string }>, namespace = 'default'): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace, labels: { 'kubernetes.io/service-name': svc, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } },
    addressType: 'IPv4',
    endpoints,
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}
