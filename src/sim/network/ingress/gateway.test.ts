import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { KObject } from '../../core/object';
import { ingressGateway, NGINX_CONTROLLER } from './gateway';

const ing = (name: string, ns: string, path: string, svc: string, className?: string): KObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, namespace: ns },
  spec: { ingressClassName: className, rules: [{ http: { paths: [{ path, pathType: 'Prefix', backend: { service: { name: svc, port: { number: 8080 } } } }] } }] },
});

describe('the ingress gateway', () => {
  it("routes a request to a namespace's Gateway address by that namespace's Ingresses, once the address is up", () => {
    const c = createCluster({ workers: 1 });
    const gw = ingressGateway(c.informers, c.cloudProvider.ingresses);
    c.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    c.api.create('ingresses', 'default', ing('example-ingress', 'default', '/foo', 'foo-service'));
    c.api.create('ingresses', 'team', ing('team', 'team', '/bar', 'bar-service'));
    c.settle();
    expect(gw.controllerAt('172.18.0.4')).toBeUndefined();
    c.advance(3000);
    expect(gw.controllerAt('172.18.0.4')).toBe('gateway');
    expect(gw.route('172.18.0.4', '172.18.0.4', '/foo')).toEqual({ ingress: 'default/example-ingress', service: { namespace: 'default', name: 'foo-service', port: { number: 8080 } }, path: '/foo' });
    expect(gw.route('172.18.0.4', '172.18.0.4', '/bar')).toBeUndefined();
    expect(gw.route('172.18.0.5', 'x', '/bar')?.service.name).toBe('bar-service');
    // A new rule is seen at once.
    c.api.create('ingresses', 'default', ing('more', 'default', '/bar', 'other'));
    expect(gw.route('172.18.0.4', 'x', '/bar')?.service.name).toBe('other');
    expect(gw.route('172.18.0.9', 'x', '/foo')).toBeUndefined();
  });

  it('routes for ingress-nginx the Ingresses of its classes', () => {
    const c = createCluster({ workers: 1 });
    const gw = ingressGateway(c.informers, c.cloudProvider.ingresses);
    c.api.create('ingressclasses', undefined, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: NGINX_CONTROLLER } });
    c.api.create('ingresses', 'default', ing('n', 'default', '/app', 'app', 'nginx'));
    c.api.create('ingresses', 'default', ing('cloud', 'default', '/cloud', 'cloud'));
    expect(gw.routeNginx('localhost', '/app/x')?.service.name).toBe('app');
    expect(gw.routeNginx('localhost', '/cloud')).toBeUndefined();
  });
});
