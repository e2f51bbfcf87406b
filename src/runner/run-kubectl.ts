/**
 * Runs kubectl against a cluster headlessly: builds the cluster's client, then drives the
 * program to its end, advancing the virtual clock through every `Wait` at once.
 */
import { INTERRUPTED, kubectl } from '../kubectl';
import type { KubectlIO } from '../kubectl/types';
import type { Cluster } from '../sim/cluster';
import { createClient } from '../sim/client';

/** Runs `kubectl <argv>` to completion; kubectl's randomness is seeded with the cluster's seed. */
export function runKubectl(cluster: Cluster, argv: string[], io: Omit<KubectlIO, 'seed'>): number {
  const program = kubectl(createClient(cluster), argv, { ...io, seed: cluster.options.seed });
  let step = program.next();
  // When endless waits (`get -w`, `logs -f`) stop being allowed to run.
  let unattendedUntil: number | undefined;
  while (!step.done) {
    const wait = step.value;
    // A wait with no end ends as Ctrl+C would: headless there is nobody to press it, and virtual
    // time must not run on forever. The program may ask for some time first (`logs -f`).
    if (!Number.isFinite(wait.timeoutMs)) {
      unattendedUntil ??= cluster.clock.now() + (wait.unattendedMs ?? 0);
      const left = unattendedUntil - cluster.clock.now();
      if (!(wait.until() || (left > 0 && cluster.clock.advanceUntil(wait.until, left)))) {
        program.return(INTERRUPTED);
        return INTERRUPTED;
      }
      step = program.next(true);
      continue;
    }
    const held = wait.until() || cluster.clock.advanceUntil(wait.until, wait.timeoutMs);
    step = program.next(held);
  }
  return step.value;
}
