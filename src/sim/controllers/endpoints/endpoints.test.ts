import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { harness, type Harness } from '../test-helpers';

type J = KObject & Record<string, any>;

function setup(): Harness {
  const h = harness();
  h.api.create('nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'kind-worker' } });
  return h;
}

function service(h: Harness, name: string, spec: Record<string, unknown>, labels?: Record<string, string>): J {
  return h.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name, labels }, spec }) as J;
}

function pod(h: Harness, name: string, ip: string, ready: boolean, port = 80): J {
  const p = h.api.create('pods', 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'web' } },
    spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: port }] }] },
  }) as J;
  const status = { ...p.status, phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: h.clock.timestamp() }] };
  return h.api.updateStatus('pods', 'default', { ...p, status }) as J;
}

const ips = (addresses: { ip: string }[] | undefined) => (addresses ?? []).map((a) => a.ip);

describe('Endpoints controller', () => {
  it('lists ready pods in addresses and the others in notReadyAddresses, sorted as strings, with the Service labels', () => {
    const h = setup();
    service(h, 'web', { selector: { app: 'web' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] }, { tier: 'front' });
    h.settle();
    const empty = h.api.get('endpoints', 'default', 'web') as J;
    expect(empty.subsets).toBeUndefined();
    expect(empty.metadata.labels).toEqual({ tier: 'front' });
    expect(empty.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': empty.metadata.creationTimestamp });

    pod(h, 'a', '10.244.1.10', true);
    pod(h, 'b', '10.244.1.9', true);
    pod(h, 'c', '10.244.1.8', false);
    h.settle();
    const ep = h.api.get('endpoints', 'default', 'web') as J;
    expect(ep.subsets).toHaveLength(1);
    expect(ips(ep.subsets[0].addresses)).toEqual(['10.244.1.10', '10.244.1.9']);
    expect(ips(ep.subsets[0].notReadyAddresses)).toEqual(['10.244.1.8']);
    expect(ep.subsets[0].ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }]);
    expect(ep.subsets[0].addresses[0]).toEqual({ ip: '10.244.1.10', nodeName: 'kind-worker', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: expect.any(String) } });
  });

  it('leaves terminating pods out unless publishNotReadyAddresses, which also counts not-ready pods as ready', () => {
    const h = setup();
    service(h, 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
    service(h, 'all', { selector: { app: 'web' }, ports: [{ port: 80 }], publishNotReadyAddresses: true });
    pod(h, 'a', '10.244.1.5', true);
    pod(h, 'b', '10.244.1.6', false);
    h.settle();
    h.api.delete('pods', 'default', 'a');
    h.settle();
    const web = h.api.get('endpoints', 'default', 'web') as J;
    expect([ips(web.subsets[0].addresses), ips(web.subsets[0].notReadyAddresses)]).toEqual([[], ['10.244.1.6']]);
    const all = h.api.get('endpoints', 'default', 'all') as J;
    expect([ips(all.subsets[0].addresses), all.subsets[0].notReadyAddresses]).toEqual([['10.244.1.5', '10.244.1.6'], undefined]);
  });

  it('groups pods by the ports they serve (a named targetPort resolved per pod)', () => {
    const h = setup();
    service(h, 'web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
    pod(h, 'a', '10.244.1.5', true, 8080);
    pod(h, 'b', '10.244.1.6', true, 9090);
    h.settle();
    const ep = h.api.get('endpoints', 'default', 'web') as J;
    expect(ep.subsets.map((s: J) => [ips(s.addresses), s.ports[0].port])).toEqual([
      [['10.244.1.5'], 8080],
      [['10.244.1.6'], 9090],
    ]);
  });

  it('marks a headless Service’s Endpoints, deletes them with the Service, and restores them when deleted by hand', () => {
    const h = setup();
    service(h, 'db', { selector: { app: 'web' }, clusterIP: 'None', ports: [{ port: 5432 }] });
    h.settle();
    expect((h.api.get('endpoints', 'default', 'db') as J).metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    h.api.delete('endpoints', 'default', 'db');
    h.settle();
    expect(h.api.tryGet('endpoints', 'default', 'db')).toBeDefined();
    h.api.delete('services', 'default', 'db');
    h.settle();
    expect(h.api.tryGet('endpoints', 'default', 'db')).toBeUndefined();
  });

  it('writes no Endpoints for selector-less Services and keeps hand-made ones', () => {
    const h = setup();
    service(h, 'ext', { ports: [{ port: 5432 }] });
    h.api.create('endpoints', 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext' }, subsets: [{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 5432 }] }] });
    h.settle();
    expect(ips((h.api.get('endpoints', 'default', 'ext') as J).subsets[0].addresses)).toEqual(['192.168.1.10']);
  });
});
