/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a Job with
 * `ttlSecondsAfterFinished` is deleted (foreground, so its pods go first) that many seconds
 * after its Complete or Failed condition turned True.
 */
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { keyOf, splitKey } from '../../core/keys';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import type { JobObject } from '../../kinds/batch/job';

export class TTLAfterFinishedController {
  readonly queue: WorkQueue;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'ttl-after-finished-controller');
    const jobs = informers.for('jobs');
    const consider = (job: JobObject) => {
      if (job.spec?.ttlSecondsAfterFinished != null && finishedAt(job) !== undefined && !job.metadata.deletionTimestamp) this.queue.add(keyOf(job));
    };
    for (const j of jobs.list()) consider(j as JobObject);
    jobs.onChange((o, _old, type) => {
      if (type !== 'DELETED') consider(o as JobObject);
    });
  }

  sync(key: string): number | void {
    const job = this.informers.for('jobs').get(...splitKey(key)) as JobObject | undefined;
    if (!job || job.metadata.deletionTimestamp) return;
    const ttl = job.spec?.ttlSecondsAfterFinished;
    const finished = finishedAt(job);
    if (ttl == null || finished === undefined) return;
    const wait = finished + ttl * 1000 - this.ctx.clock.now();
    if (wait > 0) return wait;
    try {
      this.ctx.api.delete('jobs', job.metadata.namespace, job.metadata.name!, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

/** When the Job's terminal condition turned True, if it has one. */
function finishedAt(job: JobObject): number | undefined {
  const c = (job.status?.conditions ?? []).find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

export function startTTLAfterFinishedController(ctx: SimContext, informers: SharedInformers): TTLAfterFinishedController {
  return new TTLAfterFinishedController(ctx, informers);
}
