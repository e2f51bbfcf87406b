import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { createCluster } from '../../cluster';
import type { KObject } from '../../core/object';
import { DockerNetwork } from './addresses';
import { LB_CLEANUP_FINALIZER } from './service-lb';

const lbService = (name: string, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...extra },
});

const ingress = (name: string, namespace = 'default', className?: string): KObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, namespace },
  spec: { ingressClassName: className, rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
});

const svc = (c: ReturnType<typeof createCluster>, name: string) => c.api.get('services', 'default', name) as Service & KObject;
const reasons = (c: ReturnType<typeof createCluster>, name: string) =>
  (c.store.list('events', 'default') as Array<KObject & { reason: string; involvedObject: { name: string } }>).filter((e) => e.involvedObject.name === name).map((e) => e.reason);

describe('the kind network', () => {
  it('hands out addresses after the nodes, serially, a requested one when free', () => {
    const net = new DockerNetwork(['172.18.0.2', '172.18.0.3']);
    expect(net.allocate()).toBe('172.18.0.4');
    expect(net.allocate()).toBe('172.18.0.5');
    net.release('172.18.0.4');
    expect(net.allocate()).toBe('172.18.0.6');
    expect(net.allocate('172.18.0.4')).toBe('172.18.0.4');
    expect(net.allocate('172.18.0.4')).toBeUndefined();
  });
});

describe('cloud-provider-kind', () => {
  it('gives a LoadBalancer Service an address a few seconds after creation, with the service controller events', () => {
    const c = createCluster({ workers: 2 });
    c.api.create('services', 'default', lbService('web'));
    c.settle();
    expect(svc(c, 'web').metadata.finalizers).toEqual([LB_CLEANUP_FINALIZER]);
    expect(svc(c, 'web').status?.loadBalancer).toEqual({});
    c.advance(3000);
    expect(svc(c, 'web').status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.0.5', ipMode: 'Proxy', ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(reasons(c, 'web')).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
    expect(c.cloudProvider.services.serviceAt('172.18.0.5')).toBe('default/web');
  });

  it('honours spec.loadBalancerIP, and releases the address when the Service stops being a LoadBalancer', () => {
    const c = createCluster({ workers: 1 });
    c.api.create('services', 'default', lbService('web', { loadBalancerIP: '172.18.0.100' }));
    c.advance(5000);
    expect(svc(c, 'web').status?.loadBalancer?.ingress?.[0].ip).toBe('172.18.0.100');
    const s = svc(c, 'web');
    c.api.update('services', 'default', { ...s, spec: { ...s.spec, type: 'ClusterIP', loadBalancerIP: undefined, allocateLoadBalancerNodePorts: undefined, externalTrafficPolicy: undefined, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } });
    c.advance(1000);
    expect(svc(c, 'web').status?.loadBalancer).toEqual({});
    expect(svc(c, 'web').metadata.finalizers).toBeUndefined();
    expect(reasons(c, 'web')).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer', 'Type', 'DeletingLoadBalancer', 'DeletedLoadBalancer']);
    expect(c.cloudProvider.services.serviceAt('172.18.0.100')).toBeUndefined();
  });

  it('lets a deleted LoadBalancer Service go once its load balancer is gone', () => {
    const c = createCluster({ workers: 1 });
    c.api.create('services', 'default', lbService('web'));
    c.advance(5000);
    c.api.delete('services', 'default', 'web');
    c.advance(0);
    expect(c.api.tryGet('services', 'default', 'web')).toBeUndefined();
  });

  it('off: LoadBalancers stay pending (no finalizer, no events, no IngressClass) until it runs', () => {
    const c = createCluster({ workers: 1, cloudProvider: false });
    expect(c.api.list('ingressclasses')).toEqual([]);
    c.api.create('services', 'default', lbService('web'));
    c.advance(60_000);
    expect(svc(c, 'web').status?.loadBalancer).toEqual({});
    expect(svc(c, 'web').metadata.finalizers).toBeUndefined();
    expect(reasons(c, 'web')).toEqual([]);
    c.setCloudProvider(true);
    c.advance(3000);
    expect(svc(c, 'web').status?.loadBalancer?.ingress?.[0].ip).toBe('172.18.0.4');
    expect(c.api.list('ingressclasses').map((i) => i.metadata.name)).toEqual(['cloud-provider-kind']);
  });

  it('serves Ingresses of its class (the default) with one address per namespace', () => {
    const c = createCluster({ workers: 1 });
    c.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    c.api.create('ingresses', 'default', ingress('a'));
    c.api.create('ingresses', 'default', ingress('b'));
    c.api.create('ingresses', 'team', ingress('c', 'team'));
    c.api.create('ingresses', 'default', ingress('other', 'default', 'nginx'));
    const get = (ns: string, n: string) => c.api.get('ingresses', ns, n) as Ingress & KObject;
    expect(get('default', 'a').spec?.ingressClassName).toBe('cloud-provider-kind');
    c.settle();
    expect(get('default', 'a').status?.loadBalancer).toEqual({});
    c.advance(3000);
    expect(get('default', 'a').status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.0.4' }]);
    expect(get('default', 'b').status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.0.4' }]);
    expect(get('team', 'c').status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.0.5' }]);
    expect(get('default', 'other').status?.loadBalancer).toEqual({});
    expect(c.cloudProvider.ingresses.namespaceAt('172.18.0.5')).toBe('team');
  });

  it('stopped, removes its load balancers but not the status; started again, ensures them on new addresses', () => {
    const c = createCluster({ workers: 1 });
    c.api.create('services', 'default', lbService('web'));
    c.api.create('ingresses', 'default', ingress('a'));
    c.advance(3000);
    expect(svc(c, 'web').status?.loadBalancer?.ingress?.[0].ip).toBe('172.18.0.4');
    expect(c.cloudProvider.services.serviceAt('172.18.0.4')).toBe('default/web');
    c.setCloudProvider(false);
    expect(c.cloudProvider.services.serviceAt('172.18.0.4')).toBeUndefined();
    expect(c.cloudProvider.ingresses.namespaceAt('172.18.0.5')).toBeUndefined();
    c.advance(60_000);
    expect(svc(c, 'web').status?.loadBalancer?.ingress?.[0].ip).toBe('172.18.0.4');
    c.setCloudProvider(true);
    c.advance(3000);
    expect(svc(c, 'web').status?.loadBalancer?.ingress?.[0].ip).toBe('172.18.0.6');
    expect((c.api.get('ingresses', 'default', 'a') as Ingress & KObject).status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.0.7' }]);
    expect(reasons(c, 'web')).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
    const count = (reason: string) => (c.store.list('events', 'default') as Array<KObject & { reason: string; count: number }>).find((e) => e.reason === reason)?.count;
    expect([count('EnsuringLoadBalancer'), count('EnsuredLoadBalancer')]).toEqual([2, 2]);
    // A new port is ensured again at once, on the same address.
    const s = svc(c, 'web');
    c.api.update('services', 'default', { ...s, spec: { ...s.spec, ports: [...(s.spec?.ports ?? []), { name: 'b', port: 81, targetPort: 8081, protocol: 'TCP' }].map((p, i) => ({ ...p, name: i === 0 ? 'a' : p.name })) } });
    c.settle();
    expect(svc(c, 'web').status?.loadBalancer?.ingress?.[0].ports).toEqual([{ port: 80, protocol: 'TCP' }, { port: 81, protocol: 'TCP' }]);
    expect([count('EnsuringLoadBalancer'), count('EnsuredLoadBalancer')]).toEqual([3, 3]);
  });
});
