import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import { lookupImage, parseImageRef, type ServerBehaviour } from '../../images';
import { grpcProbe } from './grpc-probe';
import { httpProbe } from './http-probe';
import { resolvePort } from './port';
import type { ProbeTarget } from './target';
import { tcpProbe } from './tcp-probe';

const IP = '10.244.1.5';
const ctr: Container = { name: 'app', ports: [{ name: 'http', containerPort: 8080 }] };

function serving(server: ServerBehaviour, uptimeMs = 0, state: Record<string, unknown> = {}): ProbeTarget {
  return { podIP: IP, listener: (port) => ((server.ports as number[]).includes(port) ? { server, ctx: { uptimeMs, state } } : undefined) };
}
const nothing: ProbeTarget = { podIP: IP, listener: () => undefined };
const agnhost = (args: string[]) => lookupImage(parseImageRef('registry.k8s.io/e2e-test-images/agnhost:2.40'))!.server!.withArgs!(args);

describe('port resolution', () => {
  it('numbers, names, numeric strings, and the kubelet strconv error', () => {
    expect(resolvePort(8080, ctr)).toBe(8080);
    expect(resolvePort('http', ctr)).toBe(8080);
    expect(resolvePort('9090', ctr)).toBe(9090);
    expect(resolvePort('metrics', ctr)).toEqual({ error: 'strconv.Atoi: parsing "metrics": invalid syntax' });
    expect(resolvePort(0, ctr)).toEqual({ error: 'invalid port number: 0' });
  });
});

describe('httpGet', () => {
  const liveness = agnhost(['liveness']);
  it('agnhost liveness: 200 for the first 10 s, then 500', () => {
    expect(httpProbe({ path: '/healthz', port: 8080 }, ctr, serving(liveness, 9_000))).toEqual({ result: 'success', output: 'ok' });
    expect(httpProbe({ path: '/healthz', port: 'http' }, ctr, serving(liveness, 11_000))).toEqual({ result: 'failure', output: 'HTTP probe failed with statuscode: 500' });
  });
  it('connection refused, HTTPS to an HTTP server, an unknown named port', () => {
    expect(httpProbe({ path: '/healthz', port: 8080 }, ctr, nothing).output).toBe('Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused');
    expect(httpProbe({ port: 8080 }, ctr, nothing).output).toBe('Get "http://10.244.1.5:8080": dial tcp 10.244.1.5:8080: connect: connection refused');
    expect(httpProbe({ path: '/healthz', port: 8080, scheme: 'HTTPS' }, ctr, serving(liveness)).output).toBe('Get "https://10.244.1.5:8080/healthz": http: server gave HTTP response to HTTPS client');
    expect(httpProbe({ path: '/', port: 'web' }, ctr, serving(liveness))).toEqual({ result: 'unknown', output: '', error: 'strconv.Atoi: parsing "web": invalid syntax' });
  });
  it('follows a redirect on the same host, stops with a warning at another host', () => {
    expect(httpProbe({ path: '/redirect?loc=%2Fhealthz', port: 8080 }, ctr, serving(liveness)).result).toBe('success');
    expect(httpProbe({ path: '/redirect?loc=http%3A%2F%2Fexample.com%2F', port: 8080 }, ctr, serving(liveness))).toEqual({ result: 'warning', output: 'Probe terminated redirects, Response body: <a href="http://example.com/">Found</a>.\n\n' });
  });
  it('sends kube-probe headers with the probe headers over them', () => {
    let seen: Record<string, string> = {};
    const echo: ServerBehaviour = { ...liveness, http: (r) => ((seen = typeof r === 'string' ? {} : r.headers), { status: 200, contentType: 'text/plain', body: '' }) };
    httpProbe({ port: 8080, httpHeaders: [{ name: 'custom-header', value: 'Awesome' }, { name: 'Accept', value: 'application/json' }] }, ctr, serving(echo));
    expect(seen).toEqual({ 'User-Agent': 'kube-probe/1.32', Accept: 'application/json', 'Custom-Header': 'Awesome' });
  });
});

describe('tcpSocket and grpc', () => {
  it('tcp: anything listening, else connection refused', () => {
    const goproxy = lookupImage(parseImageRef('registry.k8s.io/goproxy:0.1'))!.server!;
    expect(tcpProbe({ port: 8080 }, ctr, serving(goproxy)).result).toBe('success');
    expect(tcpProbe({ port: 8081 }, ctr, serving(goproxy)).output).toBe('dial tcp 10.244.1.5:8081: connect: connection refused');
  });
  it('grpc: agnhost grpc-health-checking serves on 5000, flips with /make-not-serving, and 8080 does not speak gRPC', () => {
    const s = agnhost(['grpc-health-checking']);
    const state = {};
    expect(grpcProbe({ port: 5000 }, serving(s, 0, state), 1)).toEqual({ result: 'success', output: 'service healthy' });
    s.http!({ method: 'GET', path: '/make-not-serving', headers: {}, uptimeMs: 0, state });
    expect(grpcProbe({ port: 5000 }, serving(s, 0, state), 1).output).toBe('service unhealthy (responded with "NOT_SERVING")');
    expect(grpcProbe({ port: 8080 }, serving(s, 0, state), 1).output).toBe('timeout: failed to connect service "10.244.1.5:8080" within 1s: context deadline exceeded');
  });
});
