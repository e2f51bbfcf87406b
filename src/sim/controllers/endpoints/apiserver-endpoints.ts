/**
 * The `kubernetes` Service's endpoints, which the api-server itself keeps
 * (pkg/controlplane/reconcilers and its EndpointsAdapter): Endpoints `default/kubernetes` with
 * the api-server's address on 6443 (labelled so the mirroring controller leaves it alone) and
 * the EndpointSlice `kubernetes` it adapts from them.
 */
import type { ApiServer } from '../../api/apiserver';

export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';

export function publishApiServerEndpoints(api: ApiServer, ip: string): void {
  const port = { name: 'https', port: 6443, protocol: 'TCP' };
  api.create('endpoints', 'default', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { [SKIP_MIRROR_LABEL]: 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [port] }],
  });
  api.create('endpointslices', 'default', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [port],
  });
}
