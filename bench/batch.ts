/** The batch figures of `npm run bench` (issue 10): a big parallel Job, and a CronJob for a virtual day. */
import { performance } from 'node:perf_hooks';
import { createCluster } from '../src/sim/cluster';
import type { KObject } from '../src/sim/core/object';

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

const POD = { restartPolicy: 'Never', containers: [{ name: 'work', image: 'busybox:1.28', command: ['sh', '-c', 'echo done'], resources: { requests: { cpu: '10m', memory: '16Mi' } } }] };

function complete(obj: KObject | undefined): boolean {
  return ((obj?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');
}

/** 9. A 1,000-completion Job, 50 at a time, from create to Complete. */
export function bigJob(): void {
  const cluster = createCluster({ workers: 10, podQuota: 5000, seed: 9 });
  const t0 = performance.now();
  const v0 = cluster.clock.now();
  cluster.api.create('jobs', 'default', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'big' }, spec: { completions: 1000, parallelism: 50, template: { spec: POD } } });
  cluster.clock.advanceUntil(() => complete(cluster.store.get('jobs', 'default', 'big')), 2 * 3600_000, 1000);
  const wall = performance.now() - t0;
  const job = cluster.store.get('jobs', 'default', 'big');
  const succeeded = (job?.status as { succeeded?: number } | undefined)?.succeeded ?? 0;
  console.log(`9. 1,000-completion Job, parallelism 50, create → Complete: ${fmt(wall)} wall (${fmt(cluster.clock.now() - v0)} virtual), ${succeeded} succeeded  [target: reported]`);
}

/** 10. A CronJob every minute for one virtual day: the history limits keep the object count flat. */
export function cronDay(): void {
  const cluster = createCluster({ workers: 3, seed: 10 });
  const t0 = performance.now();
  cluster.api.create('cronjobs', 'default', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: POD } } } } });
  const count = () => cluster.store.list('jobs', 'default').length + cluster.store.list('pods', 'default').length;
  cluster.clock.advance(3600_000);
  const afterHour = count();
  cluster.clock.advance(23 * 3600_000);
  const wall = performance.now() - t0;
  console.log(`10. CronJob every minute for one virtual day: ${fmt(wall)} wall; Jobs+Pods after 1 h: ${afterHour}, after 24 h: ${count()}  [target: flat]`);
}
