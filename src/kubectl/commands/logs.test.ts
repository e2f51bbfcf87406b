import { describe, expect, it } from 'vitest';
import { kubectl } from '..';
import { execKubectl, EMPTY_WORKSPACE } from '../../runner/exec';
import { createCluster, type Cluster } from '../../sim/cluster';
import { createClient } from '../../sim/client';
import { DEFAULT_KUBECONFIG, type KubectlProgram } from '../types';

/** Starts `kubectl <argv>` as a browser host does: it runs until its first wait. */
function start(cluster: Cluster, argv: string[]) {
  let out = '';
  const program: KubectlProgram = kubectl(createClient(cluster), argv, {
    seed: 1,
    workspace: EMPTY_WORKSPACE,
    config: { ...DEFAULT_KUBECONFIG },
    out: (t) => (out += t),
    err: (t) => (out += t),
  });
  let step = program.next();
  /** Advances virtual time, resuming the program whenever its wait holds. */
  const advance = (ms: number) => {
    const end = cluster.clock.now() + ms;
    while (!step.done && cluster.clock.now() < end) {
      const held = step.value.until() || cluster.clock.advanceUntil(step.value.until, end - cluster.clock.now());
      if (held) step = program.next(true);
    }
  };
  return { output: () => out, advance, done: () => step.done, interrupt: () => program.return(130), program };
}

function ready(cluster: Cluster, pod: string) {
  expect(execKubectl(cluster, ['wait', '--for=condition=Ready', `pod/${pod}`, '--timeout=2m']).code).toBe(0);
}

describe('kubectl logs -f', () => {
  it('prints each line as virtual time reaches it and ends with the container', () => {
    const cluster = createCluster({ seed: 3 });
    execKubectl(cluster, ['run', 'ticker', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo one; sleep 5; echo two; sleep 5; echo three']);
    ready(cluster, 'ticker');
    const run = start(cluster, ['logs', '-f', 'ticker']);
    expect(run.output()).toBe('one\n');
    run.advance(5500);
    expect(run.output()).toBe('one\ntwo\n');
    expect(run.done()).toBe(false);
    run.advance(10_000);
    expect(run.output()).toBe('one\ntwo\nthree\n');
    expect(run.done()).toBe(true);
  });

  it('runs until Ctrl+C while the container runs on', () => {
    const cluster = createCluster({ seed: 3 });
    execKubectl(cluster, ['run', 'loop', '--image=busybox', '--', 'sh', '-c', 'while true; do echo tick; sleep 10; done']);
    ready(cluster, 'loop');
    const run = start(cluster, ['logs', '-f', 'loop', '--prefix']);
    run.advance(3600_000);
    expect(run.done()).toBe(false);
    const lines = run.output().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(300);
    expect(new Set(lines)).toEqual(new Set(['[pod/loop/loop] tick']));
    expect(run.interrupt()).toEqual({ done: true, value: 130 });
    const before = run.output();
    cluster.advance(60_000);
    expect(run.output()).toBe(before);
    // An hour of virtual time, and the waiting follow looks again at every timer of the cluster
    // (kind's system pods probe every 10 s): slower than the other tests here.
  }, 20_000);

  it('headless, presses Ctrl+C after a minute of virtual time (exit 130)', () => {
    const cluster = createCluster({ seed: 3 });
    execKubectl(cluster, ['run', 'loop', '--image=busybox', '--', 'sh', '-c', 'while true; do echo tick; sleep 10; done']);
    ready(cluster, 'loop');
    const t0 = cluster.clock.now();
    const r = execKubectl(cluster, ['logs', '-f', 'loop']);
    expect(r.code).toBe(130);
    expect(cluster.clock.now() - t0).toBe(60_000);
    expect(r.stdout.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(6);
  });

  it('follows the run it started on: a restart ends the stream with the old run\'s last lines', () => {
    const cluster = createCluster({ seed: 3 });
    execKubectl(cluster, ['run', 'crash', '--image=busybox', '--', 'sh', '-c', 'echo start; sleep 3; echo bye; exit 1']);
    ready(cluster, 'crash');
    const run = start(cluster, ['logs', '-f', 'crash']);
    run.advance(120_000);
    expect(run.done()).toBe(true);
    expect(run.output()).toBe('start\nbye\n');
  });
});
