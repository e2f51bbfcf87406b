/**
 * `node --expose-gc --import tsx bench/fuzz-memory.ts [applies=6000] [seed=1]`: one session of
 * generated kubectl steps (tests/fuzz/session.ts) against one cluster until `applies` manifests
 * have been applied, printing the heap after a full GC as it goes, then checking the invariants.
 * A session that keeps no more than its live objects has a flat heap after its first minutes.
 */
import fc from 'fast-check';
import { createCluster } from '../src/sim/cluster';
import { invariantProblems, play, step, watchResourceVersions } from '../tests/fuzz/session';

const applies = Number(process.argv[2] ?? 6000);
const seed = Number(process.argv[3] ?? 1);
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};

const cluster = createCluster({ seed });
const rvs = watchResourceVersions(cluster);
const steps = fc.sample(step, { numRuns: applies * 3, seed });
const started = performance.now();
console.log(`start: heap ${heapMb()} MB${gc ? '' : ' (run with --expose-gc for exact figures)'}`);
let applied = 0;
for (const s of steps) {
  play(cluster, s);
  if (s.op !== 'apply') continue;
  applied++;
  if (applied % 500 === 0) {
    const objects = cluster.store.resources().reduce((n, r) => n + cluster.store.count(r), 0);
    console.log(`${applied} applies: heap ${heapMb()} MB, ${objects} objects, rv ${cluster.store.resourceVersion}, ${Math.round((performance.now() - started) / 1000)} s`);
  }
  if (applied === applies) break;
}
cluster.advance(5 * 60_000);
const problems = [...rvs.problems, ...invariantProblems(cluster)];
console.log(`end: heap ${heapMb()} MB; ${problems.length ? problems.join('\n') : 'every invariant holds'}`);
process.exitCode = problems.length ? 1 : 0;
