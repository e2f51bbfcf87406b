import { describe, expect, it } from 'vitest';
import type { Ingress, HTTPIngressPath } from 'kubernetes-types/networking/v1';
import { buildRouter } from './router';

type P = [path: string, type: HTTPIngressPath['pathType'], svc: string];

function ing(name: string, rules: Array<{ host?: string; paths: P[] }>, extra: Partial<Ingress['spec']> = {}, annotations?: Record<string, string>, created = '2026-01-01T00:00:00Z'): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', creationTimestamp: created, annotations },
    spec: {
      ...extra,
      rules: rules.map((r) => ({
        host: r.host,
        http: { paths: r.paths.map(([path, pathType, svc]) => ({ path, pathType, backend: { service: { name: svc, port: { number: 80 } } } })) },
      })),
    },
  };
}

const svcOf = (r: ReturnType<ReturnType<typeof buildRouter>['route']>) => r && `${r.service.name} ${r.path}`;

describe('the ingress router', () => {
  const kindGuide = ing('example-ingress', [{ paths: [['/foo', 'Prefix', 'foo-service'], ['/bar', 'Prefix', 'bar-service']] }]);

  it("routes kind's guide: /foo and /bar by prefix, by path elements", () => {
    const r = buildRouter([kindGuide], 'gateway');
    expect(svcOf(r.route('172.18.0.6', '/foo'))).toBe('foo-service /foo');
    expect(svcOf(r.route('172.18.0.6', '/foo/x?y=1'))).toBe('foo-service /foo/x?y=1');
    expect(svcOf(r.route('172.18.0.6', '/bar'))).toBe('bar-service /bar');
    expect(r.route('172.18.0.6', '/foobar')).toBeUndefined();
    expect(r.route('172.18.0.6', '/')).toBeUndefined();
  });

  it('prefers the longest match, and Exact over Prefix', () => {
    const r = buildRouter([ing('a', [{ paths: [['/', 'Prefix', 'root'], ['/api', 'Prefix', 'api'], ['/api/v2', 'Prefix', 'v2'], ['/api', 'Exact', 'exact']] }])], 'gateway');
    expect(svcOf(r.route('x', '/'))).toBe('root /');
    expect(svcOf(r.route('x', '/other'))).toBe('root /other');
    expect(svcOf(r.route('x', '/api'))).toBe('exact /api');
    expect(svcOf(r.route('x', '/api/'))).toBe('api /api/');
    expect(svcOf(r.route('x', '/api/v2/users'))).toBe('v2 /api/v2/users');
  });

  it('matches the host first (the port ignored), wildcard hosts, then rules without a host', () => {
    const r = buildRouter([
      ing('hosts', [
        { host: 'foo.example.com', paths: [['/', 'Prefix', 'foo']] },
        { host: '*.example.com', paths: [['/', 'Prefix', 'wild']] },
        { paths: [['/', 'Prefix', 'any']] },
      ]),
    ], 'nginx');
    expect(svcOf(r.route('foo.example.com:80', '/'))).toBe('foo /');
    expect(svcOf(r.route('Bar.Example.com', '/'))).toBe('wild /');
    expect(svcOf(r.route('a.bar.example.com', '/'))).toBe('any /');
    expect(svcOf(r.route('172.18.0.6', '/'))).toBe('any /');
    // Gateway API's wildcard covers any depth.
    expect(svcOf(buildRouter([ing('w', [{ host: '*.example.com', paths: [['/', 'Prefix', 'wild']] }])], 'gateway').route('a.b.example.com', '/'))).toBe('wild /');
  });

  it('falls back to the default backend when no rule matches; a named host keeps to its own rules', () => {
    const r = buildRouter([ing('d', [{ host: 'foo.com', paths: [['/app', 'Prefix', 'app']] }], { defaultBackend: { service: { name: 'fallback', port: { number: 80 } } } })], 'gateway');
    expect(svcOf(r.route('other.com', '/anything'))).toBe('fallback /anything');
    expect(r.route('foo.com', '/nope')).toBeUndefined();
    expect(r.route('foo.com', '/app')?.ingress).toBe('default/d');
  });

  it("ignores, as cloud-provider-kind, an Ingress's defaultBackend when it has rules without a host", () => {
    const both = ing('b', [{ paths: [['/app', 'Prefix', 'app']] }], { defaultBackend: { service: { name: 'fallback', port: { number: 80 } } } });
    expect(buildRouter([both], 'gateway').route('x', '/other')).toBeUndefined();
    expect(svcOf(buildRouter([both], 'nginx').route('x', '/other'))).toBe('fallback /other');
  });

  it('reads ImplementationSpecific as each controller does', () => {
    const ingress = ing('i', [{ paths: [['/foo', 'ImplementationSpecific', 'foo']] }]);
    expect(svcOf(buildRouter([ingress], 'nginx').route('x', '/foobar'))).toBe('foo /foobar');
    expect(buildRouter([ingress], 'gateway').route('x', '/foobar')).toBeUndefined();
  });

  it("applies nginx's rewrite-target with regex captures", () => {
    const rewrite = ing('rw', [{ host: 'rewrite.bar.com', paths: [['/something(/|$)(.*)', 'ImplementationSpecific', 'http-svc']] }], {}, { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' });
    const r = buildRouter([rewrite], 'nginx');
    expect(svcOf(r.route('rewrite.bar.com', '/something'))).toBe('http-svc /');
    expect(svcOf(r.route('rewrite.bar.com', '/something/'))).toBe('http-svc /');
    expect(svcOf(r.route('rewrite.bar.com', '/something/new'))).toBe('http-svc /new');
    const plain = buildRouter([ing('p', [{ paths: [['/app', 'Prefix', 'app']] }], {}, { 'nginx.ingress.kubernetes.io/rewrite-target': '/' })], 'nginx');
    expect(svcOf(plain.route('x', '/app/page'))).toBe('app /');
  });

  it('lets the oldest Ingress win a tie', () => {
    const older = ing('older', [{ paths: [['/', 'Prefix', 'old']] }], {}, undefined, '2026-01-01T00:00:00Z');
    const newer = ing('newer', [{ paths: [['/', 'Prefix', 'new']] }], {}, undefined, '2026-01-02T00:00:00Z');
    expect(svcOf(buildRouter([newer, older], 'gateway').route('x', '/'))).toBe('old /');
  });

  it('routes 10,000 requests quickly', () => {
    const many = Array.from({ length: 50 }, (_, i) => ing(`i${i}`, [{ host: `h${i}.com`, paths: [['/a', 'Prefix', `a${i}`], ['/b', 'Exact', `b${i}`]] }]));
    const r = buildRouter(many, 'gateway');
    // The best of a few rounds: the machine running the tests may be busy with other work.
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      for (let i = 0; i < 10_000; i++) r.route(`h${i % 50}.com`, i % 2 ? '/a/x' : '/b');
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(100);
  });

  it('finds the TLS Secret that terminates a host', () => {
    const tls = ing('t', [{ host: 'foo.com', paths: [['/', 'Prefix', 'foo']] }], { tls: [{ hosts: ['foo.com', '*.bar.com'], secretName: 'my-cert' }, { hosts: ['sni.com'] }] });
    const r = buildRouter([tls], 'nginx');
    expect(r.servesTls).toBe(true);
    expect(r.tlsSecret('foo.com:443')).toBe('my-cert');
    expect(r.tlsSecret('a.bar.com')).toBe('my-cert');
    expect(r.tlsSecret('sni.com')).toBe('');
    expect(r.tlsSecret('other.com')).toBeUndefined();
    expect(buildRouter([kindGuide], 'gateway').servesTls).toBe(false);
  });
});
