import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import { planProcess } from '../container-process';
import { lookupImage, parseImageRef } from '../../images';
import { killBy, stopContainers, type Stoppable } from './stop';

function ctr(image: string, extra: Partial<Container> = {}, sidecar = false): Stoppable {
  const spec: Container = { name: extra.name ?? image, image, ...extra };
  const plan = planProcess({ metadata: { name: 'p' }, spec: { containers: [spec] } }, spec, lookupImage(parseImageRef(image))!);
  return { spec, sidecar, plan, actions: [{ kind: 'ready', at: 5 }] };
}
const io = (killing: string[]) => ({
  killing: (c: Stoppable, m: string) => killing.push(`${c.spec.name}: ${m}`),
  hookTarget: (c: Stoppable, timeoutMs: number) => ({ container: c.spec, plan: c.plan!, startedAt: 0, at: 1_000, podRef: 'p_default(u)', podPorts: new Set<number>(), timeoutMs, execId: () => 'x' }),
});

describe('stopContainers', () => {
  it('records Killing for each, drops other timers, and schedules each exit', () => {
    const killing: string[] = [];
    const web = ctr('nginx', { name: 'web' });
    const sh = ctr('busybox', { name: 'sh', command: ['sleep', '3600'] });
    stopContainers([web, sh], 1_000, 30, io(killing));
    expect(killing).toEqual(['web: Stopping container web', 'sh: Stopping container sh']);
    expect(web.actions).toEqual([{ kind: 'exit', at: 1_100, code: 0 }]);
    expect(web.stoppedAt).toBe(1_000);
    expect(sh.actions).toEqual([{ kind: 'exit', at: 31_000, code: 137 }]);
    expect(sh.stoppedAt).toBeUndefined();
  });

  it('reports a failing preStop hook without its message, and stops the container anyway', () => {
    const c = ctr('nginx', { name: 'web', lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 2; exit 3'] } } } });
    stopContainers([c], 1_000, 30, io([]));
    expect(c.actions).toEqual([
      { kind: 'event', at: 3_000, type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed' },
      { kind: 'exit', at: 3_100, code: 0 },
    ]);
  });

  it('killBy brings a later exit forward to the new deadline as a SIGKILL', () => {
    const c = ctr('busybox', { command: ['sleep', '3600'] });
    stopContainers([c], 0, 30, io([]));
    killBy(c, 5_000);
    expect(c.actions).toEqual([{ kind: 'exit', at: 5_000, code: 137 }]);
  });
});
