import { describe, expect, it } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../cluster';
import type { KObject } from '../core/object';
import { endpointOf } from './cluster-network';
import { netSystem } from './net-system';
import { hostSystem } from './host/host-system';
import type { TrafficEvent } from './types';
import { request } from './request';

function pod(name: string, labels: Record<string, string>, image: string, node: string, extra: Record<string, unknown> = {}): KObject {
  const command = image.startsWith('busybox') ? { command: ['sleep', '3600'] } : {};
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { nodeName: node, containers: [{ name: 'c', image, ...command }], ...extra } };
}

/** The EndpointSlice the controller keeps for a Service (written here if no controller runs yet). */
function publish(c: Cluster, namespace: string, svc: string): void {
  if (c.api.list('endpointslices', namespace).some((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc)) return;
  const s = c.api.get('services', namespace, svc) as unknown as Service;
  const sel = s.spec?.selector ?? {};
  const pods = (c.api.list('pods', namespace) as unknown as Pod[]).filter((p) => Object.entries(sel).every(([k, v]) => p.metadata?.labels?.[k] === v) && p.status?.podIP);
  c.api.create('endpointslices', namespace, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svc}-test1`, namespace, labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    endpoints: pods.map((p) => ({ addresses: [p.status!.podIP!], conditions: { ready: true, serving: true, terminating: false }, nodeName: p.spec!.nodeName, targetRef: { kind: 'Pod', namespace, name: p.metadata!.name } })),
    ports: (s.spec?.ports ?? []).map((p) => ({ name: p.name ?? '', port: typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol ?? 'TCP' })),
  } as unknown as KObject);
}

function setup() {
  const c = createCluster({ seed: 7 });
  c.api.create('pods', 'default', pod('web-1', { app: 'web' }, 'nginx:1.27', 'kind-worker'));
  c.api.create('pods', 'default', pod('web-2', { app: 'web' }, 'nginx:1.27', 'kind-worker2'));
  c.api.create('pods', 'default', pod('client', {}, 'busybox:1.37', 'kind-worker3'));
  c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }], type: 'NodePort' } });
  c.advance(30_000);
  publish(c, 'default', 'web');
  publish(c, 'kube-system', 'kube-dns');
  c.advance(1000);
  const client = c.network.podByName('default', 'client')!;
  const net = netSystem(c.network, { kind: 'pod', sandbox: client, endpoint: endpointOf(client) }, () => c.clock.now());
  const instant = netSystem(c.network, { kind: 'pod', sandbox: client, endpoint: endpointOf(client) }, () => c.clock.now(), true);
  const svc = c.api.get('services', 'default', 'web') as unknown as Service;
  return { c, net, svc, instant };
}

const GET = { method: 'GET', host: 'web', port: 80, path: '/', headers: [] as Array<[string, string]> };

describe('the cluster network', () => {
  it('resolves a Service name through CoreDNS and reaches a ready pod through kube-proxy', () => {
    const { c, net, svc } = setup();
    expect(net.resolve('web')).toBe(svc.spec!.clusterIP);
    expect(net.resolve('web.default.svc.cluster.local')).toBe(svc.spec!.clusterIP);
    expect(net.resolve('kube-dns.kube-system')).toBe('10.96.0.10');
    expect(net.resolve('nope')).toBeUndefined();
    const events: TrafficEvent[] = [];
    c.network.traffic.subscribe((e) => events.push(e));
    for (let i = 0; i < 20; i++) expect(net.http(svc.spec!.clusterIP!, 80, GET)).toMatchObject({ status: 200 });
    expect(new Set(events.map((e) => e.to))).toEqual(new Set(['default/web-1', 'default/web-2']));
    expect(events[0]).toMatchObject({ from: 'default/client', service: 'default/web', status: 200 });
    // A port the Service does not have: no rule, the packet is lost.
    expect(net.connect(svc.spec!.clusterIP!, 81)).toBe('ETIMEDOUT');
  });

  it('answers nslookup-style queries, and times out when no CoreDNS pod is ready', () => {
    const { c, net } = setup();
    expect(net.dns('10.96.0.10', 'web.default.svc.cluster.local', 'A')).toMatchObject({ rcode: 'NOERROR' });
    c.api.patch('deployments', 'kube-system', 'coredns', { spec: { replicas: 0 } }, 'merge');
    c.advance(60_000);
    for (const s of c.api.list('endpointslices', 'kube-system')) c.api.delete('endpointslices', 'kube-system', s.metadata.name!);
    expect(net.dns('10.96.0.10', 'web.default.svc.cluster.local', 'A')).toBe('ETIMEDOUT');
    expect(net.resolve('web')).toBe('ETIMEDOUT');
  });

  it('refuses when the Service has no ready endpoint', () => {
    const { c, net, svc } = setup();
    for (const s of c.api.list('endpointslices', 'default')) c.api.delete('endpointslices', 'default', s.metadata.name!);
    expect(net.http(svc.spec!.clusterIP!, 80, GET)).toBe('ECONNREFUSED');
  });

  it('lets the host reach NodePorts on every node but not pod IPs or ClusterIPs', () => {
    const { c, svc } = setup();
    const host = hostSystem(c.network, () => c.clock.now());
    const nodePort = svc.spec!.ports![0].nodePort!;
    for (const ip of ['172.18.0.2', '172.18.0.3', '172.18.0.4', '172.18.0.5']) expect(host.http(ip, nodePort, GET)).toMatchObject({ status: 200 });
    expect(host.http('172.18.0.3', 30999 === nodePort ? 30998 : 30999, GET)).toBe('ECONNREFUSED');
    expect(host.http(svc.spec!.clusterIP!, 80, GET)).toBe('ETIMEDOUT');
    const podIP = (c.api.get('pods', 'default', 'web-1') as unknown as Pod).status!.podIP!;
    expect(host.http(podIP, 80, GET)).toBe('ETIMEDOUT');
    expect(host.resolve('web')).toBeUndefined();
    expect(host.http('127.0.0.1', 8080, GET)).toBe('ECONNREFUSED');
    const handled: string[] = [];
    c.hostPorts.listen(8080, { namespace: 'default', pod: 'web-1', port: 80 }, () => handled.push('conn'), () => handled.push('refused'));
    expect(host.http('127.0.0.1', 8080, GET)).toMatchObject({ status: 200 });
    // Nothing listens on the pod's port: kubectl accepted, the client reads an empty reply.
    c.hostPorts.listen(8081, { namespace: 'default', pod: 'web-1', port: 81 }, () => handled.push('conn'), () => handled.push('refused'));
    expect(host.http('127.0.0.1', 8081, GET)).toMatchObject({ status: 0 });
    expect(handled).toEqual(['conn', 'conn', 'refused']);
  });

  it('reaches hostPorts and hostNetwork pods on the node IP; the host port 80 maps to the control plane', () => {
    const { c } = setup();
    const tolerate = { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] };
    c.api.create('pods', 'default', { ...pod('edge', {}, 'nginx:1.27', 'kind-control-plane', tolerate), spec: { nodeName: 'kind-control-plane', ...tolerate, containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80, hostPort: 80 }] }] } } as KObject);
    c.api.create('pods', 'default', pod('hostnet', {}, 'nginx:1.27', 'kind-worker', { hostNetwork: true }));
    c.advance(20_000);
    const host = hostSystem(c.network, () => c.clock.now());
    expect(host.http('172.18.0.2', 80, GET)).toMatchObject({ status: 200 });
    expect(host.http('127.0.0.1', 80, GET)).toMatchObject({ status: 200 });
    expect(host.http('172.18.0.4', 80, GET)).toBe('ECONNREFUSED');
    expect(host.http('172.18.0.3', 80, GET)).toMatchObject({ status: 200 });
    expect((c.api.get('pods', 'default', 'hostnet') as unknown as Pod).status!.podIP).toBe('172.18.0.3');
  });

  it('reaches a LoadBalancer IP from the host on its ports; its other ports refuse', () => {
    const { c } = setup();
    c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 5678, targetPort: 80 }], type: 'LoadBalancer' } });
    c.advance(10_000);
    publish(c, 'default', 'lb');
    c.advance(1000);
    const lb = c.api.get('services', 'default', 'lb') as unknown as Service;
    const ip = lb.status!.loadBalancer!.ingress![0].ip!;
    const host = hostSystem(c.network, () => c.clock.now());
    expect(host.http(ip, 5678, GET)).toMatchObject({ status: 200 });
    expect(host.http(ip, 80, GET)).toBe('ECONNREFUSED');
    expect(host.http(lb.spec!.clusterIP!, 81, GET)).toBe('ETIMEDOUT');
  });

  it('applies the policy check to the pod a connection reaches: blocked means dropped', () => {
    const { c, net, svc } = setup();
    c.network.setPolicy((from, to) => !('name' in from && from.name === 'client' && to.name.startsWith('web')));
    const events: TrafficEvent[] = [];
    c.network.traffic.subscribe((e) => events.push(e));
    expect(net.http(svc.spec!.clusterIP!, 80, GET)).toBe('ETIMEDOUT');
    // The graph shows where it died: the pod kube-proxy chose, whose policy dropped it.
    expect(events[0]).toMatchObject({ service: 'default/web', to: expect.stringMatching(/^default\/web-/), error: 'ETIMEDOUT', dropped: true });
    // DNS still answers (CoreDNS is not selected).
    expect(net.resolve('web')).toBe(svc.spec!.clusterIP);
  });

  it('routes a request to an ingress address through the gateway to the backend Service', () => {
    const { c, svc } = setup();
    const host = hostSystem(c.network, () => c.clock.now());
    const replies = { notFound: { status: 404, body: '' }, noEndpoints: { status: 503, body: 'no healthy upstream' } };
    c.network.setIngress({
      atAddress: (ip, _port, h, path) => (ip !== '172.18.0.9' ? undefined : { route: h === 'shop.local' && path.startsWith('/app') ? { ingress: 'default/shop', service: { namespace: 'default', name: 'web', port: { number: 80 } }, path: '/' } : undefined, ...replies }),
      atPod: () => undefined,
    });
    const events: TrafficEvent[] = [];
    c.network.traffic.subscribe((e) => events.push(e));
    expect(host.http('172.18.0.9', 80, { ...GET, path: '/app', headers: [['Host', 'shop.local']] })).toMatchObject({ status: 200 });
    expect(events[0]).toMatchObject({ from: 'host', ingress: 'default/shop', service: 'default/web', status: 200 });
    expect(host.http('172.18.0.9', 80, { ...GET, path: '/other', headers: [['Host', 'shop.local']] })).toMatchObject({ status: 404, body: '' });
    for (const s of c.api.list('endpointslices', 'default')) c.api.delete('endpointslices', 'default', s.metadata.name!);
    expect(host.http('172.18.0.9', 80, { ...GET, path: '/app', headers: [['Host', 'shop.local']] })).toMatchObject({ status: 503, body: 'no healthy upstream' });
    expect(svc.spec!.clusterIP).toBeDefined();
  });

  it('names the Service of a connection it refused (no ready endpoint), for the graph', () => {
    const { c, net, svc } = setup();
    for (const s of c.api.list('endpointslices', 'default')) c.api.delete('endpointslices', 'default', s.metadata.name!);
    const events: TrafficEvent[] = [];
    c.network.traffic.subscribe((e) => events.push(e));
    expect(net.http(svc.spec!.clusterIP!, 80, GET)).toBe('ECONNREFUSED');
    expect(net.connect('10.244.9.9', 80)).toBe('EHOSTUNREACH');
    expect(events).toEqual([
      { at: c.clock.now(), from: 'default/client', service: 'default/web', error: 'ECONNREFUSED' },
      { at: c.clock.now(), from: 'default/client', error: 'EHOSTUNREACH' },
    ]);
  });

  it('answers one request in one call, from a pod or from the host', () => {
    const { c } = setup();
    const now = () => c.clock.now();
    const client = { kind: 'pod' as const, pod: { namespace: 'default', name: 'client', ip: '', nodeName: '', labels: {} } };
    expect(request(c.network, client, 'http://web/', now)).toMatchObject({ status: 200 });
    expect(request(c.network, client, 'http://web.default.svc.cluster.local/nope', now)).toMatchObject({ status: 404 });
    expect(request(c.network, client, 'http://nope/', now)).toBe('NXDOMAIN');
    expect(request(c.network, { kind: 'host' }, 'http://localhost:8080/', now)).toBe('ECONNREFUSED');
  });

  it('sends 10,000 requests through a Service by name quickly', () => {
    const { instant: net } = setup();
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const ip = net.resolve('web') as string;
      const r = net.http(ip, 80, GET);
      if (typeof r === 'string') throw new Error(r);
    }
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
  });
});
