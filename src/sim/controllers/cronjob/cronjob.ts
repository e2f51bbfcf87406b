/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go and utils.go): on the
 * virtual clock, the most recent missed schedule time is started as a Job
 * `<cronjob>-<minutes since the epoch>` (unless past startingDeadlineSeconds, Forbid with a
 * Job still active, or suspended), Replace deletes the active Jobs first, finished Jobs leave
 * `status.active` (SawCompletedJob) and the oldest beyond the history limits are deleted, and
 * the controller sleeps until the next schedule time.
 */
import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import { keyOf, splitKey } from '../../core/keys';
import { clone, controllerRef, ownerRefTo, type KObject } from '../../core/object';
import { pad, rfc1123z, rfc3339, utcParts } from '../../core/utc';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import { CronParseError, nextAfter, parseStandard, zoneOffset, type CronSchedule } from '../../kinds/batch/cron-schedule';
import type { CronJobObject } from '../../kinds/batch/cronjob';
import type { JobObject } from '../../kinds/batch/job';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** nextScheduleTimeDuration adds 100 ms so that the wake-up lands after the schedule time. */
const NEXT_SLACK_MS = 100;

export class CronJobController {
  readonly queue: WorkQueue;
  private readonly record;
  private readonly byUid = new Map<string, CronJobObject>();

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'cronjob-controller');
    this.record = ctx.events.for({ component: 'cronjob-controller' });
    const cronJobs = informers.for('cronjobs');
    const changed = (o: KObject, type: string) => {
      if (type === 'DELETED') this.byUid.delete(o.metadata.uid!);
      else {
        this.byUid.set(o.metadata.uid!, o as CronJobObject);
        this.queue.add(keyOf(o));
      }
    };
    for (const c of cronJobs.list()) changed(c, 'ADDED');
    cronJobs.onChange((o, _old, type) => changed(o, type));
    informers.for('jobs').onChange((o) => {
      const ref = controllerRef(o);
      const cj = ref?.kind === 'CronJob' ? this.byUid.get(ref.uid) : undefined;
      if (cj) this.queue.add(keyOf(cj));
    });
  }

  sync(key: string): number | void {
    const cj = this.informers.for('cronjobs').get(...splitKey(key)) as CronJobObject | undefined;
    if (!cj) return;
    const jobs = this.informers.for('jobs').ownedBy(cj.metadata.uid!) as JobObject[];
    const status = clone(cj.status ?? {});
    const now = this.ctx.clock.now();
    const next = this.syncCronJob(cj, status, jobs, now);
    this.cleanupFinishedJobs(cj, this.informers.for('jobs').ownedBy(cj.metadata.uid!) as JobObject[]);
    if (!sameJson(status, cj.status ?? {})) {
      try {
        this.ctx.api.updateStatus('cronjobs', cj.metadata.namespace, { ...cj, status });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        return 1000;
      }
    }
    return next;
  }

  /** syncCronJob: returns when to look again. Mutates `status`. */
  private syncCronJob(cj: CronJobObject, status: NonNullable<CronJob['status']>, jobs: JobObject[], now: number): number | undefined {
    const byName = new Map(jobs.map((j) => [j.metadata.name!, j]));
    const active: ObjectReference[] = [];
    for (const ref of status.active ?? []) {
      const job = byName.get(ref.name ?? '');
      if (!job) {
        this.record(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
        continue;
      }
      const finished = finishedCondition(job);
      if (finished) {
        this.record(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${finished.type}`);
        if (finished.type === 'Complete' && job.status?.completionTime) {
          const t = job.status.completionTime;
          if (!status.lastSuccessfulTime || Date.parse(status.lastSuccessfulTime) < Date.parse(t)) status.lastSuccessfulTime = t;
        }
        continue;
      }
      active.push(ref);
    }
    // Jobs it owns but forgot (a status write lost): active again.
    for (const job of jobs) {
      if (!finishedCondition(job) && !active.some((r) => r.uid === job.metadata.uid) && !job.metadata.deletionTimestamp && (status.active ?? []).every((r) => r.uid !== job.metadata.uid)) {
        active.push(jobRef(job));
      }
    }
    status.active = active.length ? active : undefined;
    if (!status.active) delete status.active;
    if (cj.metadata.deletionTimestamp || cj.spec?.suspend) return undefined;

    let schedule: CronSchedule;
    try {
      schedule = parseStandard(cj.spec?.schedule ?? '');
    } catch (e) {
      if (!(e instanceof CronParseError)) throw e;
      this.record(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec?.schedule}" : ${e.message}`);
      return undefined;
    }
    const zone = cj.spec?.timeZone ?? undefined;
    const recent = this.mostRecentScheduleTime(cj, schedule, zone, now);
    const wake = () => {
      const t = nextAfter(schedule, now, zone);
      return t === undefined ? undefined : t - now + NEXT_SLACK_MS;
    };
    if (recent === undefined) return wake();
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null && recent + deadline * 1000 < now) {
      this.record(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(recent)}`);
      return wake();
    }
    const name = `${cj.metadata.name}-${Math.floor(recent / 60000)}`;
    if (active.some((r) => r.name === name)) return wake();
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && active.length > 0) {
      this.record(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return wake();
    }
    if (policy === 'Replace') {
      for (const ref of [...active]) {
        if (this.deleteJob(cj, ref.name!)) active.splice(active.indexOf(ref), 1);
      }
    }
    try {
      const job = this.ctx.api.create('jobs', cj.metadata.namespace, jobFromTemplate(cj, name, recent, zone), { bodyOwned: true }) as JobObject;
      this.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
      active.push(jobRef(job));
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (e.reason !== 'AlreadyExists') this.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`);
    }
    status.active = active.length ? active : undefined;
    if (!status.active) delete status.active;
    status.lastScheduleTime = rfc3339(recent);
    return wake();
  }

  /**
   * mostRecentScheduleTime: the latest schedule time since the last one (or creation, or now −
   * startingDeadlineSeconds), warning when more than 100 were missed.
   */
  private mostRecentScheduleTime(cj: CronJobObject, schedule: CronSchedule, zone: string | undefined, now: number): number | undefined {
    let earliest = Date.parse(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp!);
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null) earliest = Math.max(earliest, now - deadline * 1000);
    const t1 = nextAfter(schedule, earliest, zone);
    if (t1 === undefined || t1 > now) return undefined;
    const t2 = nextAfter(schedule, t1, zone);
    if (t2 === undefined || t2 > now) return t1;
    const interval = t2 - t1;
    let missed = Math.floor((now - t1) / interval) + 1;
    let recent = t1 + (missed - 1) * interval;
    // Irregular schedules: walk on from the estimate to the true latest time.
    for (let t = nextAfter(schedule, recent, zone); t !== undefined && t <= now; t = nextAfter(schedule, t, zone)) {
      recent = t;
      missed++;
    }
    if (missed > 100) {
      this.record(cj, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
    return recent;
  }

  private deleteJob(cj: CronJobObject, name: string): boolean {
    try {
      this.ctx.api.delete('jobs', cj.metadata.namespace, name, { propagationPolicy: 'Background' });
      this.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`);
      return true;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (e.reason === 'NotFound') return true;
      this.record(cj, 'Warning', 'FailedDelete', `Deleted job: ${e.message}`);
      return false;
    }
  }

  /** cleanupFinishedJobs: the oldest finished Jobs beyond each history limit. */
  private cleanupFinishedJobs(cj: CronJobObject, jobs: JobObject[]): void {
    const limits = { Complete: cj.spec?.successfulJobsHistoryLimit, Failed: cj.spec?.failedJobsHistoryLimit };
    if (limits.Complete == null && limits.Failed == null) return;
    for (const type of ['Complete', 'Failed'] as const) {
      const limit = limits[type];
      if (limit == null) continue;
      const finished = jobs.filter((j) => !j.metadata.deletionTimestamp && finishedCondition(j)?.type === type);
      if (finished.length <= limit) continue;
      finished.sort((a, b) => startOf(a) - startOf(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
      for (const job of finished.slice(0, finished.length - limit)) this.deleteJob(cj, job.metadata.name!);
    }
  }
}

function startOf(job: Job): number {
  const t = job.status?.startTime;
  return t ? Date.parse(t) : Number.MAX_SAFE_INTEGER;
}

function finishedCondition(job: Job): JobCondition | undefined {
  return (job.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

function jobRef(job: JobObject): ObjectReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid };
}

/** getJobFromTemplate2: the template's labels, annotations and spec, the scheduled time noted. */
function jobFromTemplate(cj: CronJobObject, name: string, scheduled: number, zone: string | undefined): KObject {
  const t = cj.spec?.jobTemplate ?? {};
  const annotations = { ...(t.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduled, zone) };
  const metadata: KObject['metadata'] = { name, annotations, ownerReferences: [ownerRefTo(cj)] };
  if (t.metadata?.labels) metadata.labels = { ...t.metadata.labels };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: clone(t.spec ?? {}) };
}

/** Go's `t.In(loc).Format(time.RFC3339)`: `2026-01-01T09:00:00Z` or `…T10:00:00+01:00`. */
export function rfc3339In(ms: number, zone: string | undefined): string {
  const offset = zoneOffset(zone, ms);
  if (offset === 0) return rfc3339(ms);
  const t = utcParts(ms + offset);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60000;
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function startCronJobController(ctx: SimContext, informers: SharedInformers): CronJobController {
  return new CronJobController(ctx, informers);
}
