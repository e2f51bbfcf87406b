/**
 * The Job controller (pkg/controller/job/job_controller.go, 1.32): pods up to parallelism and
 * the completions still missing (Indexed: the lowest missing indexes), pods tracked with the
 * `batch.kubernetes.io/job-tracking` finalizer and counted into `succeeded`/`failed` as they
 * finish, replacements of failed pods delayed 10 s × 2^(n−1) (capped at 10 min, as the code's
 * MaxJobPodFailureBackOff — the docs say 6 min), podFailurePolicy, backoffLimit (with Never,
 * failed > backoffLimit; with OnFailure, the restarts of running pods), activeDeadlineSeconds,
 * suspend/resume, and 1.32's two-step ending: SuccessCriteriaMet or FailureTarget first, then
 * Complete or Failed once no pod is left running or terminating.
 */
import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import { keyOf, splitKey } from '../../core/keys';
import { controllerRef, type KObject } from '../../core/object';
import { rfc3339 } from '../../core/utc';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import type { PodObject } from '../../kinds/apps/workload-types';
import { hasCondition, type JobObject } from '../../kinds/batch/job';
import { matchPodFailurePolicy } from '../../kinds/batch/pod-failure-policy';
import { isPodActive, isPodReady, isPodTerminal } from '../pod-util';
import { isNamespaceTerminating } from '../replicaset/replicaset';
import { finishedAt, formatIndexes, hasFinalizer, isIndexed, parseIndexes, podForJob, podIndex, TRACKING_FINALIZER } from './job-pods';

export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;
/** `MaxPodCreateDeletePerSync`. */
const MAX_PER_SYNC = 500;

interface Backoff {
  failures: number;
  lastFailure: number;
}

export class JobController {
  readonly queue: WorkQueue;
  private readonly record;
  private readonly jobs = new Map<string, JobObject>();
  /** Failures since the last success, per Job uid (the pod back-off store). */
  private readonly backoff = new Map<string, Backoff>();

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'job-controller');
    this.record = ctx.events.for({ component: 'job-controller' });
    const jobs = informers.for('jobs');
    for (const j of jobs.list()) this.jobChanged(j as JobObject, 'ADDED');
    jobs.onChange((o, _old, type) => this.jobChanged(o as JobObject, type));
    informers.for('pods').onChange((o, _old, type) => this.podChanged(o as PodObject, type));
  }

  private jobChanged(job: JobObject, type: string): void {
    const uid = job.metadata.uid!;
    if (type === 'DELETED') {
      this.jobs.delete(uid);
      this.backoff.delete(uid);
      // Its pods lose their tracking finalizer, so that the garbage collector can remove them.
      for (const pod of this.informers.for('pods').ownedBy(uid)) this.dropFinalizer(pod as PodObject);
      return;
    }
    this.jobs.set(uid, job);
    this.queue.add(keyOf(job));
  }

  private podChanged(pod: PodObject, type: string): void {
    const ref = controllerRef(pod);
    if (ref?.kind !== 'Job') return;
    const job = this.jobs.get(ref.uid);
    if (job) this.queue.add(keyOf(job));
    else if (type !== 'DELETED' && hasFinalizer(pod)) this.dropFinalizer(pod);
  }

  sync(key: string): number | void {
    const job = this.informers.for('jobs').get(...splitKey(key)) as JobObject | undefined;
    if (!job) return;
    const uid = job.metadata.uid!;
    const pods = this.informers.for('pods').ownedBy(uid) as PodObject[];
    if (job.metadata.deletionTimestamp || hasCondition(job, 'Complete') || hasCondition(job, 'Failed')) {
      for (const pod of pods) if (isPodTerminal(pod) || pod.metadata.deletionTimestamp || job.metadata.deletionTimestamp) this.dropFinalizer(pod);
      return;
    }
    const now = this.ctx.clock.now();
    const spec = job.spec!;
    const indexed = isIndexed(job);
    const completions = spec.completions ?? undefined;
    const status: JobStatus = { ...(job.status ?? {}) };
    let conditions: JobCondition[] = [...(status.conditions ?? [])];
    let succeeded = status.succeeded ?? 0;
    let failed = status.failed ?? 0;
    const completed = parseIndexes(status.completedIndexes);
    const counted: PodObject[] = [];
    let failJob: { reason: string; message: string } | undefined;
    const backoff = this.backoff.get(uid) ?? { failures: 0, lastFailure: 0 };

    // Count the pods that finished since the last sync (they still carry the finalizer).
    for (const pod of pods) {
      if (!hasFinalizer(pod) || !isPodTerminal(pod)) continue;
      counted.push(pod);
      if (pod.status?.phase === 'Succeeded') {
        if (indexed) {
          const i = podIndex(pod, completions ?? 0);
          if (i !== undefined && !completed.has(i)) {
            completed.add(i);
            succeeded++;
          }
        } else {
          succeeded++;
        }
        backoff.failures = 0;
        continue;
      }
      const verdict = matchPodFailurePolicy(spec.podFailurePolicy, pod);
      if (verdict?.action === 'Ignore') continue;
      if (verdict?.action === 'FailJob' && !failJob) failJob = { reason: 'PodFailurePolicy', message: verdict.message };
      failed++;
      backoff.failures++;
      backoff.lastFailure = Math.max(backoff.lastFailure, finishedAt(pod, now));
    }
    this.backoff.set(uid, backoff);

    let active = pods.filter(isPodActive);
    const terminating = pods.filter((p) => p.metadata.deletionTimestamp && !isPodTerminal(p)).length;
    const suspended = !!spec.suspend;
    if (!status.startTime && !suspended) status.startTime = rfc3339(now);

    let retry: number | undefined;
    const target = conditions.find((c) => (c.type === 'FailureTarget' || c.type === 'SuccessCriteriaMet') && c.status === 'True');
    let ending: { type: 'FailureTarget' | 'SuccessCriteriaMet'; reason: string; message: string } | undefined = target
      ? { type: target.type as 'FailureTarget', reason: target.reason ?? '', message: target.message ?? '' }
      : undefined;
    if (!ending) {
      const deadline = spec.activeDeadlineSeconds;
      const started = status.startTime ? Date.parse(status.startTime) : now;
      if (failJob) ending = { type: 'FailureTarget', ...failJob };
      else if (failed > (spec.backoffLimit ?? 6) || this.pastBackoffLimitOnFailure(job, active)) ending = { type: 'FailureTarget', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
      else if (deadline != null && !suspended && now - started >= deadline * 1000) ending = { type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
      else if (deadline != null && !suspended) retry = started + deadline * 1000 - now;
    }
    if (!ending) {
      // Complete once enough succeeded and nothing runs any more (extra pods are deleted first, by manage).
      const done = active.length === 0 && (indexed ? completed.size >= (completions ?? 0) : completions == null ? succeeded > 0 : succeeded >= completions);
      if (done) ending = { type: 'SuccessCriteriaMet', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
    }

    if (ending) {
      if (!target) conditions.push(condition(ending.type, 'True', ending.reason, ending.message, now));
      this.deletePods(job, active);
      active = [];
      if (terminating === 0 && pods.every((p) => !hasFinalizer(p) || isPodTerminal(p))) {
        const succeededEnd = ending.type === 'SuccessCriteriaMet';
        conditions.push(condition(succeededEnd ? 'Complete' : 'Failed', 'True', ending.reason, ending.message, now));
        if (succeededEnd) {
          status.completionTime = rfc3339(now);
          this.record(job, 'Normal', 'Completed', 'Job completed');
        } else {
          this.record(job, 'Warning', ending.reason, ending.message);
        }
      }
    } else {
      const resumed = this.suspension(job, conditions, suspended, now);
      conditions = resumed.conditions;
      if (resumed.startTime) status.startTime = resumed.startTime;
      if (suspended) {
        this.deletePods(job, active);
        active = [];
      } else {
        const managed = this.manage(job, active, succeeded, completed, backoff, terminating, now);
        active = managed.active;
        if (managed.retry !== undefined) retry = Math.min(retry ?? Infinity, managed.retry);
      }
    }

    const next: JobStatus = { ...status, conditions: conditions.length ? conditions : undefined, active: active.length || undefined, succeeded: succeeded || undefined, failed: failed || undefined };
    if (indexed) next.completedIndexes = formatIndexes(completed);
    else delete next.completedIndexes;
    next.ready = active.filter(isPodReady).length;
    next.terminating = terminating;
    next.uncountedTerminatedPods = {};
    if (!sameJson(clean(next), clean(job.status ?? {}))) {
      try {
        this.ctx.api.updateStatus('jobs', job.metadata.namespace, { ...job, status: clean(next) });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        return 1000;
      }
    }
    for (const pod of counted) this.dropFinalizer(pod);
    return retry;
  }

  /** With OnFailure, restarts of the running pods count: at least backoffLimit of them (any, with 0). */
  private pastBackoffLimitOnFailure(job: JobObject, active: PodObject[]): boolean {
    if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
    let restarts = 0;
    for (const pod of active) {
      const phase = pod.status?.phase;
      if (phase !== 'Running' && phase !== 'Pending') continue;
      for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) restarts += cs.restartCount ?? 0;
    }
    const limit = job.spec?.backoffLimit ?? 6;
    return limit === 0 ? restarts > 0 : restarts >= limit;
  }

  /** The Suspended condition and the Suspended/Resumed events; resuming restarts the clock. */
  private suspension(job: JobObject, conditions: JobCondition[], suspended: boolean, now: number): { conditions: JobCondition[]; startTime?: string } {
    const current = conditions.find((c) => c.type === 'Suspended');
    if (suspended) {
      if (current?.status === 'True') return { conditions };
      this.record(job, 'Normal', 'Suspended', 'Job suspended');
      return { conditions: [...conditions.filter((c) => c !== current), condition('Suspended', 'True', 'JobSuspended', 'Job suspended', now)] };
    }
    if (current?.status !== 'True') return { conditions };
    this.record(job, 'Normal', 'Resumed', 'Job resumed');
    return { conditions: conditions.map((c) => (c === current ? condition('Suspended', 'False', 'JobResumed', 'Job resumed', now) : c)), startTime: rfc3339(now) };
  }

  /** manageJob: creates the pods still wanted (after the failure back-off) or deletes extra ones. */
  private manage(job: JobObject, active: PodObject[], succeeded: number, completed: Set<number>, backoff: Backoff, terminating: number, now: number): { active: PodObject[]; retry?: number } {
    const spec = job.spec!;
    const parallelism = spec.parallelism ?? 1;
    const completions = spec.completions ?? undefined;
    let want: number;
    // A work queue: once one pod succeeded, whatever still runs is left running (it finds the queue empty itself).
    if (completions == null) want = succeeded > 0 ? active.length : parallelism;
    else want = Math.min(parallelism, Math.max(0, completions - (isIndexed(job) ? completed.size : succeeded)));
    if (active.length > want) {
      // Not-ready and newer pods go first.
      const extra = [...active].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '')).slice(0, active.length - want);
      this.deletePods(job, extra);
      return { active: active.filter((p) => !extra.includes(p)) };
    }
    let diff = want - active.length - (spec.podReplacementPolicy === 'Failed' ? terminating : 0);
    if (diff <= 0) return { active };
    if (backoff.failures > 0) {
      const delay = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (backoff.failures - 1), MAX_POD_FAILURE_BACKOFF_MS);
      const remaining = backoff.lastFailure + delay - now;
      if (remaining > 0) return { active, retry: remaining };
    }
    diff = Math.min(diff, MAX_PER_SYNC);
    const indexes: (number | undefined)[] = [];
    if (isIndexed(job)) {
      const taken = new Set(active.map((p) => podIndex(p, completions ?? 0)));
      for (let i = 0; i < (completions ?? 0) && indexes.length < diff; i++) if (!completed.has(i) && !taken.has(i)) indexes.push(i);
    } else {
      for (let i = 0; i < diff; i++) indexes.push(undefined);
    }
    const made: PodObject[] = [];
    for (const index of indexes) {
      try {
        const pod = this.ctx.api.create('pods', job.metadata.namespace, podForJob(job, index), { bodyOwned: true }) as PodObject;
        this.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        made.push(pod);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        if (!isNamespaceTerminating(e)) this.record(job, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
        break;
      }
    }
    return { active: [...active, ...made] };
  }

  private deletePods(job: JobObject, pods: PodObject[]): void {
    for (const pod of pods.slice(0, MAX_PER_SYNC)) {
      try {
        this.ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name!);
        this.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }
  }

  private dropFinalizer(pod: PodObject): void {
    const current = this.ctx.store.get('pods', pod.metadata.namespace, pod.metadata.name!) as KObject | undefined;
    if (!current || current.metadata.uid !== pod.metadata.uid || !(current.metadata.finalizers ?? []).includes(TRACKING_FINALIZER)) return;
    const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
    const metadata = { ...current.metadata, finalizers };
    if (!finalizers.length) delete (metadata as { finalizers?: string[] }).finalizers;
    try {
      this.ctx.api.update('pods', current.metadata.namespace, { ...current, metadata });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

function condition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const at = rfc3339(now);
  return { type, status, reason, message, lastProbeTime: at, lastTransitionTime: at };
}

/** Go's omitempty on the status fields left undefined. */
function clean(status: JobStatus): JobStatus {
  return JSON.parse(JSON.stringify(status)) as JobStatus;
}

export function startJobController(ctx: SimContext, informers: SharedInformers): JobController {
  return new JobController(ctx, informers);
}
