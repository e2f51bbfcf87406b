import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { harness, type Harness } from '../test-helpers';

type J = KObject & Record<string, any>;

function setup(): Harness {
  const h = harness();
  for (const [name, zone] of [['kind-worker', undefined], ['kind-worker2', 'zone-b']] as const) {
    h.api.create('nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: zone ? { 'topology.kubernetes.io/zone': zone } : {} } });
  }
  return h;
}

function service(h: Harness, name: string, spec: Record<string, unknown>): J {
  return h.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name, labels: { tier: 'front' } }, spec }) as J;
}

/** A pod as a kubelet leaves it: bound, with an IP, ready or not. */
function pod(h: Harness, name: string, ip: string, ready: boolean, opts: { port?: number; node?: string; labels?: Record<string, string> } = {}): J {
  const p = h.api.create('pods', 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: opts.labels ?? { app: 'web' } },
    spec: { nodeName: opts.node ?? 'kind-worker', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: opts.port ?? 80 }] }] },
  });
  return setReady(h, p as J, ip, ready);
}

function setReady(h: Harness, p: J, ip: string, ready: boolean): J {
  const now = h.clock.timestamp();
  const status = { ...p.status, phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }] };
  return h.api.updateStatus('pods', 'default', { ...p, status }) as J;
}

const slicesOf = (h: Harness, svc: string) => h.api.list('endpointslices', 'default', { labelSelector: `kubernetes.io/service-name=${svc}` }) as J[];

describe('EndpointSlice controller', () => {
  it('keeps an empty placeholder slice, then fills it with the selected pods and their conditions', () => {
    const h = setup();
    service(h, 'web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
    h.settle();
    const [placeholder] = slicesOf(h, 'web');
    expect(placeholder.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(placeholder.metadata.labels).toEqual({ tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(placeholder.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: expect.any(String), controller: true, blockOwnerDeletion: true }]);
    expect([placeholder.endpoints, placeholder.ports]).toEqual([null, null]);

    pod(h, 'a', '10.244.1.5', true);
    pod(h, 'b', '10.244.2.7', false, { node: 'kind-worker2' });
    pod(h, 'other', '10.244.1.9', true, { labels: { app: 'db' } });
    h.settle();
    const [slice] = slicesOf(h, 'web');
    expect(slice.metadata.name).toBe(placeholder.metadata.name);
    expect(slice.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice.endpoints).toEqual([
      { addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: expect.any(String) }, nodeName: 'kind-worker' },
      { addresses: ['10.244.2.7'], conditions: { ready: false, serving: false, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: expect.any(String) }, nodeName: 'kind-worker2', zone: 'zone-b' },
    ]);
  });

  it('marks a deleted pod terminating (serving while ready), and ready anyway with publishNotReadyAddresses', () => {
    const h = setup();
    service(h, 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
    const a = pod(h, 'a', '10.244.1.5', true);
    h.settle();
    h.api.delete('pods', 'default', 'a');
    h.settle();
    expect(slicesOf(h, 'web')[0].endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
    service(h, 'web-all', { selector: { app: 'web' }, ports: [{ port: 80 }], publishNotReadyAddresses: true });
    h.settle();
    expect(slicesOf(h, 'web-all')[0].endpoints[0].conditions).toEqual({ ready: true, serving: true, terminating: true });
    expect(a.metadata.name).toBe('a');
  });

  it('resolves a named targetPort per pod: pods serving different ports get different slices', () => {
    const h = setup();
    service(h, 'web', { selector: { app: 'web' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] });
    pod(h, 'a', '10.244.1.5', true, { port: 8080 });
    pod(h, 'b', '10.244.1.6', true, { port: 9090 });
    h.settle();
    const slices = slicesOf(h, 'web');
    expect(slices.map((s) => [s.ports[0].port, s.endpoints.map((e: J) => e.addresses[0])]).sort()).toEqual([
      [8080, ['10.244.1.5']],
      [9090, ['10.244.1.6']],
    ]);
  });

  it('puts at most 100 endpoints in a slice, and removes the empty ones when pods go', () => {
    const h = setup();
    service(h, 'big', { selector: { app: 'web' }, ports: [{ port: 80 }] });
    for (let i = 0; i < 250; i++) pod(h, `p${i}`, `10.244.${1 + Math.floor(i / 200)}.${(i % 200) + 2}`, true);
    h.settle();
    expect(slicesOf(h, 'big').map((s) => s.endpoints.length).sort()).toEqual([100, 100, 50]);
    for (let i = 0; i < 250; i++) h.api.delete('pods', 'default', `p${i}`, { gracePeriodSeconds: 0 });
    h.settle();
    const left = slicesOf(h, 'big');
    expect(left.map((s) => [s.endpoints, s.ports])).toEqual([[null, null]]);
  });

  it('leaves selector-less and ExternalName services alone, and the garbage collector removes a deleted service’s slices', () => {
    const h = setup();
    service(h, 'manual', { ports: [{ port: 80 }] });
    service(h, 'ext', { type: 'ExternalName', externalName: 'example.com', selector: { app: 'web' } });
    service(h, 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
    h.settle();
    expect([slicesOf(h, 'manual').length, slicesOf(h, 'ext').length, slicesOf(h, 'web').length]).toEqual([0, 0, 1]);
    h.api.delete('services', 'default', 'web');
    h.advance(1000);
    expect(slicesOf(h, 'web')).toEqual([]);
  });

  it('brings back a slice deleted by hand', () => {
    const h = setup();
    service(h, 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
    pod(h, 'a', '10.244.1.5', true);
    h.settle();
    const [before] = slicesOf(h, 'web');
    h.api.delete('endpointslices', 'default', before.metadata.name!);
    h.settle();
    const [after] = slicesOf(h, 'web');
    expect(after.metadata.name).not.toBe(before.metadata.name);
    expect(after.endpoints.map((e: J) => e.addresses[0])).toEqual(['10.244.1.5']);
  });
});
