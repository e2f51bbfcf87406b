/**
 * Drives a program that yields `Wait`s (a kubectl command, a host shell line) headlessly:
 * virtual time moves through every wait at once. Nobody sits at the keys, so a wait with no end
 * — or one that asks for only so much attended time (`unattendedMs`: `logs -f`, `watch`) — ends
 * as Ctrl+C would, and so does a line still running after `LINE_LIMIT_MS` of virtual time.
 */
import type { Wait } from '../kubectl/types';
import type { Cluster } from '../sim/cluster';

/** Bash's status for a command ended by Ctrl+C (128 + SIGINT). */
export const INTERRUPTED = 130;

/** A headless line never runs longer than this in virtual time (`while true; do …; sleep 1; done`). */
export const LINE_LIMIT_MS = 3_600_000;

export function drive(cluster: Cluster, program: Generator<Wait, number, boolean>): number {
  const started = cluster.clock.now();
  let step = program.next();
  // When endless waits (`get -w`, `logs -f`, `watch`) stop being allowed to run.
  let unattendedUntil: number | undefined;
  while (!step.done) {
    const wait = step.value;
    const over = cluster.clock.now() - started >= LINE_LIMIT_MS;
    if (!Number.isFinite(wait.timeoutMs) || wait.unattendedMs !== undefined || over) {
      unattendedUntil ??= over ? cluster.clock.now() : cluster.clock.now() + (wait.unattendedMs ?? 0);
      const allowed = unattendedUntil - cluster.clock.now();
      const timesOut = wait.timeoutMs <= allowed;
      const left = Math.min(allowed, wait.timeoutMs);
      if (wait.until() || (left > 0 && cluster.clock.advanceUntil(wait.until, left))) step = program.next(true);
      else if (timesOut) step = program.next(false);
      else {
        program.return(INTERRUPTED);
        return INTERRUPTED;
      }
      continue;
    }
    const held = wait.until() || cluster.clock.advanceUntil(wait.until, wait.timeoutMs);
    step = program.next(held);
  }
  return step.value;
}
