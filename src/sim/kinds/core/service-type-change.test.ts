import { describe, expect, it } from 'vitest';
import type { ServiceSpec } from 'kubernetes-types/core/v1';
import { dropTypeDependentFields } from './service-type-change';

const lb = (): ServiceSpec => ({
  type: 'LoadBalancer',
  ports: [{ port: 80, nodePort: 30080 }],
  externalTrafficPolicy: 'Local',
  healthCheckNodePort: 31000,
  allocateLoadBalancerNodePorts: true,
});

describe('dropTypeDependentFields', () => {
  it('wipes what the old type filled when the update left it alone', () => {
    const spec = { ...lb(), type: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] };
    dropTypeDependentFields(spec, lb());
    expect(spec).toEqual({ type: 'ClusterIP', ports: [{ port: 80 }] });
  });
  it('keeps a node port the update asks for anew (validation then refuses it)', () => {
    const spec: ServiceSpec = { type: 'ClusterIP', ports: [{ port: 80, nodePort: 30999 }] };
    dropTypeDependentFields(spec, lb());
    expect(spec.ports![0].nodePort).toBe(30999);
  });
  it('leaves a NodePort to LoadBalancer change alone', () => {
    const spec: ServiceSpec = { type: 'LoadBalancer', ports: [{ port: 80, nodePort: 30080 }], externalTrafficPolicy: 'Cluster' };
    dropTypeDependentFields(spec, { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }], externalTrafficPolicy: 'Cluster' });
    expect(spec.ports![0].nodePort).toBe(30080);
    expect(spec.externalTrafficPolicy).toBe('Cluster');
  });
});
