import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { endpoint, service, slice } from '../testing/fixtures';
import { KubeProxy } from './kube-proxy';
import { ServiceTable } from './service-table';

function setup() {
  const table = new ServiceTable();
  let now = 0;
  const proxy = new KubeProxy(table, new Rng('test'), () => now);
  table.setService(service('web', { clusterIP: '10.96.10.10', ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] }));
  table.setSlice(slice('web', 'web-abcde', [endpoint('10.244.1.2', 'kind-worker'), endpoint('10.244.2.2', 'kind-worker2'), endpoint('10.244.3.2', 'kind-worker3', { ready: false })], [{ name: 'http', port: 8080 }]));
  return { table, proxy, tick: (ms: number) => (now += ms) };
}

describe('kube-proxy (iptables mode)', () => {
  it('translates a ClusterIP:port to a random ready endpoint and its target port', () => {
    const { table, proxy } = setup();
    const f = table.vip('10.96.10.10', 80)!;
    expect(f.service).toBe('default/web');
    const seen = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const b = proxy.route(f, '10.244.9.9', { via: 'ClusterIP' });
      if (typeof b === 'string') throw new Error(b);
      expect(b.port).toBe(8080);
      seen.set(b.ip, (seen.get(b.ip) ?? 0) + 1);
    }
    // Only the two ready endpoints, about half each.
    expect([...seen.keys()].sort()).toEqual(['10.244.1.2', '10.244.2.2']);
    expect(seen.get('10.244.1.2')!).toBeGreaterThan(400);
    expect(table.vip('10.96.10.10', 81)).toBeUndefined();
    expect(table.isVip('10.96.10.10')).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const picks = () => {
      const { table, proxy } = setup();
      const f = table.vip('10.96.10.10', 80)!;
      return Array.from({ length: 20 }, () => (proxy.route(f, 'c', { via: 'ClusterIP' }) as { ip: string }).ip).join();
    };
    expect(picks()).toBe(picks());
  });

  it('refuses when no endpoint is ready, falling back to serving terminating ones first', () => {
    const { table, proxy } = setup();
    const f = table.vip('10.96.10.10', 80)!;
    table.setSlice(slice('web', 'web-abcde', [endpoint('10.244.3.2', 'kind-worker3', { ready: false })], [{ name: 'http', port: 8080 }]));
    expect(proxy.route(f, 'c', { via: 'ClusterIP' })).toBe('ECONNREFUSED');
    table.setSlice(slice('web', 'web-abcde', [endpoint('10.244.3.2', 'kind-worker3', { ready: false, serving: true, terminating: true })], [{ name: 'http', port: 8080 }]));
    expect(proxy.route(f, 'c', { via: 'ClusterIP' })).toMatchObject({ ip: '10.244.3.2' });
    table.deleteSlice(slice('web', 'web-abcde', [], []));
    expect(proxy.route(f, 'c', { via: 'ClusterIP' })).toBe('ECONNREFUSED');
  });

  it('pins a client with sessionAffinity ClientIP until the timeout passes unused', () => {
    const { table, proxy, tick } = setup();
    table.setService(service('web', { clusterIP: '10.96.10.10', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }));
    const f = table.vip('10.96.10.10', 80)!;
    const first = (proxy.route(f, '10.244.9.9', { via: 'ClusterIP' }) as { ip: string }).ip;
    for (let i = 0; i < 50; i++) {
      tick(30_000);
      expect((proxy.route(f, '10.244.9.9', { via: 'ClusterIP' }) as { ip: string }).ip).toBe(first);
    }
    // Another client is pinned on its own; after 61 s idle the pin may move.
    const others = new Set(Array.from({ length: 40 }, (_, i) => (proxy.route(f, `10.244.8.${i}`, { via: 'ClusterIP' }) as { ip: string }).ip));
    expect(others.size).toBe(2);
  });

  it('opens NodePorts on every node; externalTrafficPolicy Local answers only where an endpoint runs', () => {
    const { table, proxy } = setup();
    table.setService(service('web', { type: 'NodePort', clusterIP: '10.96.10.10', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 31234 }] }));
    const f = table.nodePort(31234)!;
    expect(f.externalLocal).toBe(true);
    expect(proxy.route(f, '172.18.0.1', { via: 'NodePort', node: 'kind-worker' })).toMatchObject({ ip: '10.244.1.2' });
    expect(proxy.route(f, '172.18.0.1', { via: 'NodePort', node: 'kind-worker3' })).toBe('ETIMEDOUT');
    table.deleteService('default/web');
    expect(table.nodePort(31234)).toBeUndefined();
    expect(table.vip('10.96.10.10', 80)).toBeUndefined();
  });

  it('serves LoadBalancer status IPs as VIPs', () => {
    const { table } = setup();
    table.setService(service('web', { type: 'LoadBalancer', clusterIP: '10.96.10.10', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] }, 'default', { loadBalancer: { ingress: [{ ip: '172.18.0.6' }] } }));
    expect(table.vip('172.18.0.6', 80)?.service).toBe('default/web');
    expect(table.nodePort(30080)?.service).toBe('default/web');
  });
});
