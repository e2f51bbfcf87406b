import { describe, expect, it } from 'vitest';
import { renderFieldError } from '../../api/errors';
import { createCluster } from '../../cluster';
import { formatHosts, ingressAddress } from './ingress';
import { isWildcardDNS1123Subdomain, validateIngressSpec } from './ingress-validation';

const backend = { service: { name: 'web', port: { number: 80 } } };
const errors = (spec: object) => validateIngressSpec(spec).map(renderFieldError);

describe('Ingress validation', () => {
  it('accepts the usual shapes', () => {
    expect(errors({ rules: [{ host: 'foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] })).toEqual([]);
    expect(errors({ defaultBackend: backend })).toEqual([]);
    expect(errors({ rules: [{ host: '*.foo.com', http: { paths: [{ pathType: 'ImplementationSpecific', backend }] } }], tls: [{ hosts: ['*.foo.com'], secretName: 'tls' }] })).toEqual([]);
  });

  it('reports what the api-server reports', () => {
    expect(errors({})).toEqual(['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']);
    expect(errors({ rules: [{ http: { paths: [] } }] })).toEqual(['spec.rules[0].http.paths: Required value']);
    expect(errors({ rules: [{ http: { paths: [{ path: '/x', backend }] } }] })).toEqual(['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']);
    expect(errors({ rules: [{ http: { paths: [{ path: 'x/', pathType: 'Exact', backend }] } }] })).toEqual(['spec.rules[0].http.paths[0].path: Invalid value: "x/": must be an absolute path']);
    expect(errors({ rules: [{ http: { paths: [{ path: '/a/.', pathType: 'Prefix', backend }] } }] })).toEqual(["spec.rules[0].http.paths[0].path: Invalid value: \"/a/.\": cannot end with '/.'"]);
    expect(errors({ rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: {} }] } }] })).toEqual(['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']);
    expect(errors({ defaultBackend: { service: { name: 'web', port: {} } } })).toEqual(['spec.defaultBackend: Required value: port name or number is required']);
    expect(errors({ defaultBackend: { service: { name: 'Web', port: { number: 70000 } } } })).toEqual([
      expect.stringMatching(/^spec\.defaultBackend\.service\.name: Invalid value: "Web": a DNS-1035 label must consist of lower case/),
      'spec.defaultBackend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(errors({ defaultBackend: backend, rules: [{ host: 'a.*.com' }] })).toEqual([expect.stringMatching(/^spec\.rules\[0\]\.host: Invalid value: "a\.\*\.com": a wildcard DNS-1123 subdomain must start with '\*\.'/)]);
    expect(isWildcardDNS1123Subdomain('*.example.com')).toEqual([]);
  });
});

describe('Ingress columns', () => {
  it('prints up to three hosts, counting every rule after them', () => {
    expect(formatHosts(undefined)).toBe('*');
    expect(formatHosts([{}, { host: 'a.com' }])).toBe('a.com');
    expect(formatHosts([{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }, {}])).toBe('a,b,c + 2 more...');
  });

  it('prints the sorted addresses, clipped to 16 characters unless wide', () => {
    expect(ingressAddress({ ingress: [{ ip: '172.18.0.6' }, { hostname: 'localhost' }] }, true)).toBe('172.18.0.6,localhost');
    expect(ingressAddress({ ingress: [{ ip: '172.18.0.6' }, { hostname: 'localhost' }] }, false)).toBe('172.18.0.6,lo...');
    expect(ingressAddress(undefined, false)).toBe('');
  });
});

describe('the default IngressClass', () => {
  it('is given to an Ingress that names no class (the newest default wins); an explicit class or the legacy annotation is kept', () => {
    const c = createCluster({ workers: 1 });
    const create = (name: string, extra: object = {}, annotations?: Record<string, string>) =>
      c.api.create('ingresses', 'default', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, annotations }, spec: { defaultBackend: backend, ...extra } }).spec as { ingressClassName?: string };
    expect(create('a').ingressClassName).toBe('cloud-provider-kind');
    c.advance(1000);
    c.api.create('ingressclasses', undefined, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } });
    expect(create('b').ingressClassName).toBe('nginx');
    expect(create('c', { ingressClassName: 'other' }).ingressClassName).toBe('other');
    expect(create('d', {}, { 'kubernetes.io/ingress.class': 'nginx' }).ingressClassName).toBeUndefined();
    expect(() => create('e', { ingressClassName: 'x' }, { 'kubernetes.io/ingress.class': 'nginx' })).toThrow('annotations.kubernetes.io/ingress.class: Invalid value: "nginx": can not be set when the class field is also set');
  });

  it('keeps an IngressClass controller immutable', () => {
    const c = createCluster({ workers: 1 });
    const ic = c.api.get('ingressclasses', undefined, 'cloud-provider-kind');
    expect(() => c.api.update('ingressclasses', undefined, { ...ic, spec: { controller: 'example.com/other' } })).toThrow('spec.controller: Invalid value: "example.com/other": field is immutable');
    expect(() => c.api.create('ingressclasses', undefined, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'bad' }, spec: { controller: 'nginx' } })).toThrow('must be a domain-prefixed path (such as "acme.io/foo")');
  });
});

describe('IngressClass controller names', () => {
  it('must be domain-prefixed paths, as IsDomainPrefixedPath says', () => {
    const c = createCluster({ workers: 1, cloudProvider: false });
    const create = (controller: string) => () => c.api.create('ingressclasses', undefined, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'x' }, spec: { controller } });
    expect(create('example.com/')).toThrow('spec.controller: Invalid value: "example.com/": must be a domain-prefixed path (such as "acme.io/foo")');
    expect(create('example.com/a b')).toThrow(`spec.controller: Invalid value: "a b": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')`);
    expect(create('Example.com/x')).toThrow('spec.controller: Invalid value: "Example.com": a lowercase RFC 1123 subdomain');
    expect(create('k8s.io/ingress-nginx')).not.toThrow();
  });
});
