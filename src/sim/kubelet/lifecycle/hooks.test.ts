import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import { planProcess } from '../container-process';
import { lookupImage, parseImageRef } from '../../images';
import { runHook, type HookTarget } from './hooks';

function target(image: string, container: Partial<Container> = {}): HookTarget {
  const spec: Container = { name: 'c', image, ...container };
  const plan = planProcess({ metadata: { name: 'p', namespace: 'default' }, spec: { containers: [spec] } }, spec, lookupImage(parseImageRef(image))!);
  return { container: spec, plan, startedAt: 0, at: 1_000, podRef: 'p_default(u-1)', podIP: '10.244.1.2', podPorts: new Set(plan.ports), timeoutMs: 30_000, execId: () => 'e1' };
}

describe('runHook (lifecycle/handlers.go)', () => {
  it('runs an exec handler inside the container and takes as long as the command', () => {
    expect(runHook({ exec: { command: ['sh', '-c', 'sleep 3'] } }, target('busybox'))).toEqual({ ok: true, tookMs: 3_000 });
  });

  it("fails an exec handler that exits non-zero with the runner's message", () => {
    const out = runHook({ exec: { command: ['cat', '/nope'] } }, target('busybox'));
    expect(out.ok).toBe(false);
    expect(out.message).toBe('Exec lifecycle hook ([cat /nope]) for Container "c" in Pod "p_default(u-1)" failed - error: command \'cat /nope\' exited with 1: cat: can\'t open \'/nope\': No such file or directory\n, message: "cat: can\'t open \'/nope\': No such file or directory\\n"');
  });

  it('fails an exec handler whose program does not exist with the runtime error', () => {
    const out = runHook({ exec: { command: ['badcommand'] } }, target('nginx'));
    expect(out.message).toBe('Exec lifecycle hook ([badcommand]) for Container "c" in Pod "p_default(u-1)" failed - error: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "e1": OCI runtime exec failed: exec failed: unable to start container process: exec: "badcommand": executable file not found in $PATH: unknown, message: ""');
  });

  it('answers an httpGet handler from a server listening on the port, and refuses a closed one', () => {
    expect(runHook({ httpGet: { path: '/', port: 80 } }, target('nginx')).ok).toBe(true);
    const out = runHook({ httpGet: { path: '/shutdown', port: 8080 } }, target('nginx'));
    expect(out.message).toBe('HTTP lifecycle hook (/shutdown) for Container "c" in Pod "p_default(u-1)" failed - error: Get "http://10.244.1.2:8080/shutdown": dial tcp 10.244.1.2:8080: connect: connection refused');
  });

  it('sleeps, and hangs past the time it is given', () => {
    expect(runHook({ sleep: { seconds: 5 } }, target('busybox'))).toEqual({ ok: true, tookMs: 5_000 });
    expect(runHook({ sleep: { seconds: 500 } }, target('busybox'))).toEqual({ ok: false, tookMs: 30_000, hung: true });
  });

  it('reports a command still running when its time is up as hung, not failed', () => {
    expect(runHook({ exec: { command: ['sleep', '3600'] } }, target('busybox'))).toEqual({ ok: false, tookMs: 30_000, hung: true });
  });
});
