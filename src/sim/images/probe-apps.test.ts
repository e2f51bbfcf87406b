import { describe, expect, it } from 'vitest';
import { lookupImage, parseImageRef, toRequest, type HttpRequest } from '.';

const server = (ref: string) => lookupImage(parseImageRef(ref))!.server!;
const req = (path: string, state: Record<string, unknown>, method = 'GET', body?: string): HttpRequest => ({ method, path, headers: {}, uptimeMs: 0, state, body });

describe('kuard probe switches (pkg/debugprobe)', () => {
  it('fails the next N checks, counting down, then recovers; state is per container instance', () => {
    const kuard = server('gcr.io/kuar-demo/kuard-amd64:blue');
    const state = {};
    expect(kuard.http!(req('/healthy', state))).toMatchObject({ status: 200, body: 'ok' });
    expect(kuard.http!(req('/healthy/api', state, 'PUT', '{"failNext": 2}')).body).toBe('{"probePath":"","failNext":2,"history":[{"id":1,"when":"","relWhen":"","code":200}]}\n');
    expect(kuard.http!(req('/healthy', state))).toMatchObject({ status: 500, body: 'fail, 1 left' });
    expect(kuard.http!(req('/healthy', state))).toMatchObject({ status: 500, body: 'fail, 0 left' });
    expect(kuard.http!(req('/healthy', state))).toMatchObject({ status: 200, body: 'ok' });
    expect(kuard.http!(req('/ready', state))).toMatchObject({ status: 200 });
    kuard.http!(req('/ready/api', state, 'PUT', '{"failNext": -1}'));
    expect(kuard.http!(req('/ready', state))).toMatchObject({ status: 500, body: 'fail, permanent' });
    expect(kuard.http!(req('/ready', {}))).toMatchObject({ status: 200 });
  });
  it('--readiness-fail-next and --liveness-fail-next start the switches', () => {
    const kuard = server('gcr.io/kuar-demo/kuard-amd64:1').withArgs!(['--liveness-fail-next=1']);
    expect(kuard.http!(req('/healthy', {}))).toMatchObject({ status: 500, body: 'fail, 0 left' });
    expect(kuard.startup('1', [8080]).some(([, l]) => l.includes('"liveness":{"fail-next":1}'))).toBe(true);
  });
});

describe('agnhost, goproxy, http-echo', () => {
  it('agnhost picks its app by subcommand; a bare path still works', () => {
    const a = server('registry.k8s.io/e2e-test-images/agnhost:2.40');
    expect(a.withArgs!(['liveness']).ports).toEqual([8080]);
    expect(a.withArgs!(['serve-hostname']).ports).toEqual([9376]);
    expect(a.withArgs!(['netexec', '--http-port=8081']).ports).toEqual([8081]);
    expect(a.withArgs!(['pause']).ports).toEqual([]);
    expect(a.withArgs!(['liveness']).http!('/healthz')).toMatchObject({ status: 200, body: 'ok' });
    expect(a.withArgs!(['netexec']).http!('/echo?msg=hello+world').body).toBe('hello world');
    expect(toRequest('/x')).toMatchObject({ method: 'GET', path: '/x' });
  });
  it('goproxy refuses plain requests; http-echo answers its text on its port', () => {
    expect(server('registry.k8s.io/goproxy:0.1').http!('/')).toMatchObject({ status: 500, body: 'This is a proxy server. Does not respond to non-proxy requests.\n' });
    const echo = server('hashicorp/http-echo').withArgs!(['-text=hello', '-listen=:8080']);
    expect(echo.ports).toEqual([8080]);
    expect(echo.http!('/anything').body).toBe('hello\n');
    // Only this repository of docker.io/hashicorp is catalogued: others stay generic apps.
    expect(lookupImage(parseImageRef('hashicorp/vault:1.15'))?.opaque).toBe(true);
  });
});
