import { describe, expect, it } from 'vitest';
import { planStop, type StopInput } from './termination';

const nginx = (name: string, sidecar = false, extra: Partial<StopInput> = {}): StopInput => ({ name, sidecar, onSigterm: { afterMs: 100, code: 0 }, ...extra });
const shell = (name: string, sidecar = false, extra: Partial<StopInput> = {}): StopInput => ({ name, sidecar, onSigterm: 'ignore', ...extra });

describe('planStop (kuberuntime killContainer)', () => {
  it('stops a graceful app at once and SIGKILLs one that ignores SIGTERM at the end of the grace period (137)', () => {
    const [a, b] = planStop(0, 30, [nginx('web'), shell('sleeper')]);
    expect(a).toMatchObject({ signalAt: 0, exitAt: 100, exitCode: 0, killed: false });
    expect(b).toMatchObject({ signalAt: 0, exitAt: 30_000, exitCode: 137, killed: true });
  });

  it('runs preStop first: its whole seconds count against the grace period', () => {
    const [p] = planStop(0, 30, [shell('x', false, { preStopMs: 5_500 })]);
    expect(p).toMatchObject({ preStopEndsAt: 5_500, signalAt: 5_500, exitAt: 5_500 + 25_000, exitCode: 137 });
  });

  it('leaves at least 2 s between SIGTERM and SIGKILL when preStop used the whole grace period', () => {
    const [p] = planStop(0, 10, [shell('x', false, { preStopMs: 60_000 })]);
    expect(p).toMatchObject({ preStopEndsAt: 10_000, signalAt: 10_000, exitAt: 12_000, exitCode: 137 });
  });

  it('stops sidecars after the regular containers, the last sidecar first', () => {
    const plans = planStop(0, 30, [nginx('first', true), nginx('second', true), shell('app')]);
    const by = Object.fromEntries(plans.map((p) => [p.name, p]));
    expect(by.app).toMatchObject({ signalAt: 0, exitAt: 30_000, exitCode: 137 });
    // Their turn comes with no whole second left: the 2 s minimum.
    expect(by.second).toMatchObject({ signalAt: 30_000, exitAt: 30_100, exitCode: 0 });
    // waitForTurn gives up when the grace period ends, even if a later sidecar still runs.
    expect(by.first).toMatchObject({ signalAt: 30_000, exitAt: 30_100 });
  });

  it('keeps a sidecar waiting only until the regular containers have exited', () => {
    const plans = planStop(0, 30, [shell('proxy', true), nginx('app')]);
    expect(plans[0]).toMatchObject({ signalAt: 100, exitAt: 100 + 29_000, exitCode: 137 });
  });

  it('lets a process that exits by itself first keep its own exit', () => {
    const [p] = planStop(0, 30, [shell('x', false, { exitsAt: 3_000 })]);
    expect(p.exitCode).toBeUndefined();
    expect(p.exitAt).toBe(3_000);
  });
});
