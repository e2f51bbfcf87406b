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

describe('a server whose port another container of the pod holds', () => {
  const pod = (container: Container): Pod => ({ metadata: { name: 'p' }, spec: { containers: [container] } });
  const plan = (image: string, held: number[], container: Container = { name: 'c', image }) => planProcess(pod(container), container, lookupImage(parseImageRef(image))!, undefined, new Set(held));

  it('nginx tries bind() five times 500 ms apart, then exits 1', () => {
    const p = plan('nginx:1.27.3', [80]);
    expect(p.exitAfterMs).toBe(2520);
    expect(p.exitCode).toBe(1);
    const lines = p.lines(0, 10_000);
    expect(lines.filter((l) => l.text === 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)').map((l) => l.at)).toEqual([20, 520, 1020, 1520, 2020]);
    expect(lines.slice(-2).map((l) => l.text)).toEqual(['1970/01/01 00:00:02 [emerg] 1#1: still could not bind()', 'nginx: [emerg] still could not bind()']);
    expect(lines.some((l) => l.text.includes('epoll'))).toBe(false);
    expect(lines[8].text).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up');
  });

  it('starts normally when its port is free', () => {
    const p = plan('nginx:1.27.3', [8080]);
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.lines(0, 10_000).at(-1)?.text).toContain('start worker process 29');
  });

  it('httpd and redis print their own errors', () => {
    expect(plan('httpd:2.4', [80]).lines(0, 1000).slice(1).map((l) => l.text)).toEqual([
      '(98)Address already in use: AH00072: make_sock: could not bind to address [::]:80',
      '(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80',
      'no listening sockets available, shutting down',
      'AH00015: Unable to open logs',
    ]);
    const redis = plan('redis:7.4', [6379]);
    expect(redis.exitCode).toBe(1);
    expect(redis.lines(0, 1000).at(-1)?.text).toMatch(/^1:M .* # Failed listening on port 6379 \(tcp\), aborting\.$/);
  });

  it('an app whose message is unknown says so', () => {
    const p = plan('vinsdocker/k8s-app:v1', [8080], { name: 'c', image: 'vinsdocker/k8s-app:v1', ports: [{ containerPort: 8080 }] });
    expect(p.exitCode).toBe(1);
    expect(p.lines(0, 1000).map((l) => l.text)).toEqual(["bind: address already in use (port 8080 is held by another container of this pod; kubeplay does not know this app's own message)"]);
  });
});

describe('exec in a running container', () => {
  const image = lookupImage(parseImageRef('busybox'))!;
  const c: Container = { name: 'liveness', image: 'busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] };
  const plan = planProcess({ metadata: { name: 'p' }, spec: { containers: [c] } }, c, image);

  it('sees the files the main process has left at that moment', () => {
    expect(plan.exec(['cat', '/tmp/healthy'], 1000, 11_000, 1000)).toMatchObject({ stdout: '', stderr: '', code: 0, tookMs: 0 });
    expect(plan.exec(['cat', '/tmp/healthy'], 1000, 41_000, 1000)).toMatchObject({ stdout: '', stderr: "cat: can't open '/tmp/healthy': No such file or directory\n", code: 1, tookMs: 0 });
  });

  it('gives containerd’s error for a program the image lacks, and stops at the timeout', () => {
    expect(plan.exec(['bash'], 0, 5000, 1000).startError).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown');
    expect(plan.exec(['sleep', '5'], 0, 5000, 1000)).toMatchObject({ code: undefined, tookMs: 1000 });
  });
});

describe('resources', () => {
  const image = lookupImage(parseImageRef('polinux/stress'))!;
  const stressPod = (bytes: string, limit: string): { pod: Pod; c: Container } => {
    const c: Container = { name: 'c', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', bytes, '--vm-hang', '1'], resources: { limits: { memory: limit } } };
    return { pod: { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [c] } }, c };
  };

  it('runs a process under its memory limit and reports what it uses', () => {
    const { pod, c } = stressPod('150M', '200Mi');
    const plan = planProcess(pod, c, image);
    expect(plan.exitAfterMs).toBeUndefined();
    expect(plan.use).toEqual({ cpuMillis: 40, memoryBytes: 162856960 });
  });

  it('OOM-kills a process that allocates past its limit: exit 137, reason OOMKilled, its output up to then', () => {
    const { pod, c } = stressPod('250M', '100Mi');
    const plan = planProcess(pod, c, image);
    expect(plan).toMatchObject({ exitCode: 137, exitReason: 'OOMKilled' });
    expect(plan.exitAfterMs).toBeLessThan(100);
    expect(plan.lines(0, 60_000).map((l) => l.text)).toEqual(['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd']);
  });

  it('OOM-kills a server whose working set does not fit its limit while it starts', () => {
    const mysql = lookupImage(parseImageRef('mysql:8.0'))!;
    const db: Container = { name: 'db', image: 'mysql:8.0', env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'x' }], resources: { limits: { memory: '256Mi' } } };
    const plan = planProcess({ metadata: { name: 'p' }, spec: { containers: [db] } }, db, mysql);
    expect(plan).toMatchObject({ exitAfterMs: 1000, exitCode: 137, exitReason: 'OOMKilled' });
  });

  it('gives a server its image\'s idle use and a shell command next to nothing', () => {
    const nginx = lookupImage(parseImageRef('nginx'))!;
    const web: Container = { name: 'web', image: 'nginx' };
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [web] } };
    expect(planProcess(pod, web, nginx).use).toEqual(nginx.idle);
    const sh: Container = { name: 'sh', image: 'nginx', command: ['sh', '-c', 'sleep 3600'] };
    expect(planProcess(pod, sh, nginx).use!.memoryBytes).toBeLessThan(1024 * 1024);
  });
});
