/**
 * Property: whatever a learner applies, deletes, scales or relabels, in any order and at any
 * pace, nothing crashes, resourceVersions only grow, and once time has let the controllers and
 * the garbage collector settle there is no orphan and every ReplicaSet has its replicas.
 * (The long run with memory figures: `npx tsx bench/fuzz-memory.ts`.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster';
import { invariantProblems, play, step, watchResourceVersions } from './session';

/** Long enough for grace periods, back-offs and the garbage collector to finish. */
const SETTLE_MS = 5 * 60_000;

describe('a generated session of random and mutated manifests', () => {
  it('crashes nothing and leaves every invariant intact', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 25 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
        const cluster = createCluster({ seed, freeze: true });
        const rvs = watchResourceVersions(cluster);
        for (const s of steps) play(cluster, s);
        cluster.advance(SETTLE_MS);
        expect(rvs.problems).toEqual([]);
        expect(invariantProblems(cluster)).toEqual([]);
      }),
      { numRuns: 25, seed: 5 },
    );
  }, 60_000);
});
