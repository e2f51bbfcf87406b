import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { lookupImage, parseImageRef } from '../images';
import { containerEnv, executableNotFoundMessage, planProcess, resolveArgv } from './container-process';
import { kubeletEnv } from './container-env';

describe('container process', () => {
  it('missing executable message', () => {
    expect(executableNotFoundMessage('foo')).toContain('exec: "foo": executable file not found in $PATH: unknown');
  });
});

describe('command and args expansion', () => {
  it('sees the kubelet variables, not the runtime ones (PATH, HOSTNAME)', () => {
    const image = lookupImage(parseImageRef('busybox'))!;
    const c: Container = { name: 'c', command: ['echo', '$(A)', '$(HOSTNAME)', '$(PATH)'], env: [{ name: 'A', value: 'a' }] };
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [c] } };
    expect(resolveArgv(c, image, kubeletEnv(pod, c, { podIPs: [], hostIPs: [], allocatable: { cpuMillis: 0, memoryBytes: 0, ephemeralBytes: 0 }, services: [] }))).toEqual(['echo', 'a', '$(HOSTNAME)', '$(PATH)']);
  });
});

describe('an image the playground cannot know', () => {
  const image = lookupImage(parseImageRef('vinsdocker/k8s-app:v1'))!;
  const pod = (container: Container): Pod => ({ metadata: { name: 'p' }, spec: { containers: [container] } });
  const plan = (container: Container) => planProcess(pod(container), container, image);

  it('runs its app by default, listening on the declared TCP ports', () => {
    const p = plan({ name: 'app', image: 'vinsdocker/k8s-app:v1', ports: [{ containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }] });
    expect(p.startError).toBeUndefined();
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.ports).toEqual([8080]);
    expect(p.lines(1000, 5000).map((l) => l.text)).toEqual(['Kubeplay stand-in for docker.io/vinsdocker/k8s-app:v1: listening on port 8080']);
    expect(p.onSigterm).toEqual({ afterMs: 100, code: 0 });
  });

  it('runs its app for args alone or a program it cannot know', () => {
    expect(plan({ name: 'app', args: ['MY_ARG'] }).server).toBe(image.server);
    expect(plan({ name: 'app', command: ['java', '-jar', 'app.jar'] }).server).toBe(image.server);
  });

  it('runs shell commands in its userland', () => {
    const p = plan({ name: 'app', command: ['sh', '-c', 'echo hi; exit 3'] });
    expect(p.server).toBeUndefined();
    expect(p.exitCode).toBe(3);
    expect(p.lines(0, 1000).map((l) => l.text)).toEqual(['hi']);
  });

  it('has no nginx environment even when named like nginx', () => {
    const other = lookupImage(parseImageRef('someone/nginx:1'))!;
    expect(containerEnv(pod({ name: 'c' }), { name: 'c' }, other).NGINX_VERSION).toBeUndefined();
  });
});
