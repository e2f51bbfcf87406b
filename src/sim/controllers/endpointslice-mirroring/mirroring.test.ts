import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { harness, type Harness } from '../test-helpers';

type J = KObject & Record<string, any>;

const slicesOf = (h: Harness, svc: string) => h.api.list('endpointslices', 'default', { labelSelector: `kubernetes.io/service-name=${svc}` }) as J[];

function endpoints(h: Harness, subsets: unknown[], labels?: Record<string, string>): J {
  return h.api.create('endpoints', 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db', labels, annotations: { team: 'data' } }, subsets }) as J;
}

describe('EndpointSlice mirroring controller', () => {
  it('mirrors hand-made Endpoints of a selector-less Service into a slice owned by the Endpoints', () => {
    const h = harness();
    h.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { ports: [{ port: 5432 }] } });
    const ep = endpoints(h, [{ addresses: [{ ip: '192.168.1.10' }], notReadyAddresses: [{ ip: '192.168.1.11' }], ports: [{ port: 5432 }] }], { env: 'prod' });
    h.settle();
    const [slice] = slicesOf(h, 'db');
    expect(slice.metadata.name).toMatch(/^db-[a-z0-9]{5}$/);
    expect(slice.metadata.labels).toEqual({ env: 'prod', 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(slice.metadata.annotations).toEqual({ team: 'data' });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Endpoints', name: 'db', uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.ports).toEqual([{ name: '', port: 5432, protocol: 'TCP' }]);
    expect(slice.endpoints).toEqual([
      { addresses: ['192.168.1.10'], conditions: { ready: true } },
      { addresses: ['192.168.1.11'], conditions: { ready: false } },
    ]);

    h.api.update('endpoints', 'default', { ...ep, subsets: [{ addresses: [{ ip: '192.168.1.12' }], ports: [{ port: 5432 }] }] } as J);
    h.settle();
    expect(slicesOf(h, 'db').map((s) => s.endpoints.map((e: J) => e.addresses[0]))).toEqual([['192.168.1.12']]);
    h.api.delete('endpoints', 'default', 'db');
    h.advance(1000);
    expect(slicesOf(h, 'db')).toEqual([]);
  });

  it('mirrors nothing without a Service, for a Service with a selector, or with skip-mirror', () => {
    const h = harness();
    endpoints(h, [{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 5432 }] }]);
    h.settle();
    expect(slicesOf(h, 'db')).toEqual([]);
    h.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { ports: [{ port: 5432 }] } });
    h.settle();
    expect(slicesOf(h, 'db')).toHaveLength(1);
    const ep = h.api.get('endpoints', 'default', 'db') as J;
    h.api.update('endpoints', 'default', { ...ep, metadata: { ...ep.metadata, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } } } as J);
    h.settle();
    expect(slicesOf(h, 'db')).toEqual([]);
  });
});
