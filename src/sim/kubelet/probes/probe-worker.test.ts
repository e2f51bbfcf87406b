import { describe, expect, it } from 'vitest';
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import { Clock } from '../../core/clock';
import { lookupImage, parseImageRef } from '../../images';
import { planProcess, type ProcessPlan } from '../container-process';
import { tickerStart } from './jitter';
import type { ProbeType } from './outcome';
import { ProbeWorker, type ProbeHost, type Result, type RunningInstance } from './probe-worker';

const T0 = 1_000_000;

/** A worker on a real clock with one container instance the test controls. */
function setup(probe: Probe, type: ProbeType, opts: { startedAt?: number; started?: boolean; plan?: ProcessPlan; anchor?: number } = {}) {
  const clock = new Clock(T0);
  const events: Array<[number, string, string]> = [];
  const results: Array<[number, Result]> = [];
  const container: Container = { name: 'app', image: 'busybox' };
  let inst: RunningInstance | undefined = { containerID: 'c1', startedAt: opts.startedAt ?? T0, plan: opts.plan ?? fakePlan(() => 0), started: opts.started ?? true };
  const host: ProbeHost = {
    now: () => clock.now(),
    at: (t, fn) => clock.at(t, fn),
    cancel: (id) => clock.cancel(id),
    instance: () => inst,
    target: () => ({ podIP: '10.244.1.5', listener: () => undefined }),
    event: (_c, reason, message) => events.push([clock.now() - T0, reason, message]),
    resultChanged: (_c, _t, r) => results.push([clock.now() - T0, r]),
  };
  const w = new ProbeWorker(host, type, container, probe, opts.anchor ?? T0);
  w.wake();
  return { clock, w, events, results, setInstance: (i: RunningInstance | undefined) => (inst = i) };
}

/** A plan whose exec exits with `code(atMs)` (ms since T0). */
function fakePlan(code: (at: number) => number | undefined): ProcessPlan {
  return {
    onSigterm: 'ignore',
    lines: () => [],
    exec: (_argv, _s, at) => {
      const c = code(at - T0);
      return { stdout: '', stderr: c ? 'no\n' : '', code: c, tookMs: 0 };
    },
  };
}

const exec = (extra: Partial<Probe> = {}): Probe => ({ exec: { command: ['check'] }, ...extra });

describe('probe worker timing (worker.go)', () => {
  it('ticks every period from the anchor, skipping the initial delay', () => {
    const { clock, w } = setup(exec({ initialDelaySeconds: 5, periodSeconds: 5 }), 'Liveness');
    clock.advance(4_999);
    expect(w.runCount).toBe(0);
    clock.advance(1);
    expect(w.runCount).toBe(1);
    clock.advance(20_000);
    expect(w.runCount).toBe(5);
  });

  it('counts whole seconds of the initial delay from the container start, on the ticker phase', () => {
    // Started 1.5 s after the anchor, delay 3 s: the first tick at or after 4.5 s is 6 s (period 2 s).
    const { clock, w } = setup(exec({ initialDelaySeconds: 3, periodSeconds: 2 }), 'Readiness', { startedAt: T0 + 1500 });
    clock.advance(5_999);
    expect(w.runCount).toBe(0);
    clock.advance(1);
    expect(w.runCount).toBe(1);
  });

  it('publishes a failure only after failureThreshold failures in a row, then holds until a new container', () => {
    const { clock, w, results, events, setInstance } = setup(exec({ periodSeconds: 10, failureThreshold: 3 }), 'Liveness', { plan: fakePlan((at) => (at >= 15_000 ? 1 : 0)) });
    clock.advance(60_000);
    // Runs at 0, 10 (success: the initial Success stays), failures at 20, 30, 40 → published at 40.
    expect(results).toEqual([[0, 'success'], [40_000, 'failure']]);
    expect(events.map((e) => e[0])).toEqual([20_000, 30_000, 40_000]);
    expect(events[0]).toEqual([20_000, 'Unhealthy', 'Liveness probe failed: no\n']);
    expect(w.runCount).toBe(5);
    setInstance({ containerID: 'c2', startedAt: clock.now(), plan: fakePlan(() => 0), started: true });
    w.wake();
    // The new container is probed at once (the tick at 60 s) with the initial Success published.
    clock.advance(10_000);
    expect(w.runCount).toBe(7);
    expect(results.at(-1)).toEqual([60_000, 'success']);
  });

  it('needs successThreshold successes for readiness and keeps probing after failures', () => {
    const { clock, results } = setup(exec({ periodSeconds: 1, successThreshold: 2 }), 'Readiness', { plan: fakePlan((at) => (at < 3000 ? 1 : 0)) });
    clock.advance(10_000);
    expect(results).toEqual([[0, 'failure'], [4_000, 'success']]);
  });

  it('runs startup until the container is started, the others only after', () => {
    const s = setup(exec({ periodSeconds: 1 }), 'Startup', { started: true });
    s.clock.advance(5_000);
    expect(s.w.runCount).toBe(0);
    const l = setup(exec({ periodSeconds: 1 }), 'Liveness', { started: false });
    l.clock.advance(5_000);
    expect(l.w.runCount).toBe(0);
  });

  it('a manual trigger runs at once without moving the ticker', () => {
    const { clock, w } = setup(exec({ periodSeconds: 10 }), 'Readiness', { anchor: T0 + 5_000 });
    w.trigger(T0 + 1_000);
    clock.advance(1_000);
    expect(w.runCount).toBe(1);
    clock.advance(3_999);
    expect(w.runCount).toBe(1);
    clock.advance(1);
    expect(w.runCount).toBe(2);
  });

  it('stops: no more runs', () => {
    const { clock, w } = setup(exec({ periodSeconds: 1 }), 'Readiness');
    clock.advance(2_000);
    w.stop();
    clock.advance(10_000);
    expect(w.runCount).toBe(3);
  });

  it('an exec that times out is a failure with the CRI text; one that cannot start errors and is thrown away', () => {
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }] } };
    const plan = planProcess(pod, pod.spec!.containers[0], lookupImage(parseImageRef('busybox'))!);
    const t = setup({ exec: { command: ['sleep', '5'] }, periodSeconds: 10 }, 'Liveness', { plan });
    t.clock.advance(0);
    expect(t.events[0][2]).toBe('Liveness probe failed: command "sleep 5" timed out');
    const e = setup({ exec: { command: ['curl', 'x'] }, periodSeconds: 10, failureThreshold: 1 }, 'Liveness', { plan });
    e.clock.advance(30_000);
    expect(e.events[0][2]).toMatch(/^Liveness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown$/);
    // Only the initial Success of a new container: the errored results are thrown away.
    expect(e.results).toEqual([[0, 'success']]);
  });
});

describe('ticker start (jitter rule)', () => {
  it('waits a hashed part of a period only while the kubelet is younger than a period', () => {
    const j = tickerStart(5_000, 0, 10_000, 'uid-1', 'app', 'Liveness');
    expect(j).toBeGreaterThanOrEqual(5_000);
    expect(j).toBeLessThan(15_000);
    expect(tickerStart(5_000, 0, 10_000, 'uid-1', 'app', 'Liveness')).toBe(j);
    expect(tickerStart(50_000, 0, 10_000, 'uid-1', 'app', 'Liveness')).toBe(50_000);
  });
});
