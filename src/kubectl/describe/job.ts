/** `kubectl describe job|cronjob` (kubectl describe.go, JobDescriber and CronJobDescriber). */
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KObject } from '../../sim/core/object';
import { formatSelector } from '../../sim/core/labels';
import { humanDuration } from '../../sim/kinds/printing/age';
import { describePodTemplate } from './pod';
import { controllerOf, PrefixWriter, rfc1123z, writeAnnotations, writeEvents, writeLabels } from './writer';

export function describeJob(obj: KObject, events: KObject[] | undefined, nowMs: number): string {
  const job = obj as Job & KObject;
  const spec = job.spec;
  const st = job.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${job.metadata.name}\n`);
  w.write(0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(0, `Selector:\t${selector(spec?.selector)}\n`);
  writeLabels(w, 'Labels', job.metadata.labels);
  writeAnnotations(w, 'Annotations', job.metadata.annotations);
  const controlledBy = controllerOf(job);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (spec?.parallelism != null) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.completionMode != null) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec?.suspend != null) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec?.backoffLimit != null) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec?.ttlSecondsAfterFinished != null) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
  if (spec?.activeDeadlineSeconds != null) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${st.active ?? 0} Active`;
  const rest = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`;
  w.write(0, st.ready == null ? `Pods Statuses:\t${counts} / ${rest}\n` : `Pods Statuses:\t${counts} (${st.ready} Ready) / ${rest}\n`);
  if (spec?.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(st.completedIndexes ?? '', 50)}\n`);
  describePodTemplate(w, spec?.template);
  writeEvents(w, events, nowMs);
  return w.toString();
}

/** capIndexesListOrNone: the list cut after the first comma past `softLimit` characters. */
function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

function selector(sel: LabelSelector | undefined): string {
  // LabelSelectorAsSelector: nil selects nothing and prints as an empty string.
  if (!sel) return '';
  const s = formatSelector(sel);
  return s === '<none>' ? '' : s;
}

export function describeCronJob(obj: KObject, events: KObject[] | undefined, nowMs: number): string {
  const cj = obj as CronJob & KObject;
  const spec = cj.spec;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cj.metadata.name}\n`);
  w.write(0, `Namespace:\t${cj.metadata.namespace}\n`);
  writeLabels(w, 'Labels', cj.metadata.labels);
  writeAnnotations(w, 'Annotations', cj.metadata.annotations);
  w.write(0, `Schedule:\t${spec?.schedule ?? ''}\n`);
  w.write(0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${spec?.suspend == null ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec?.startingDeadlineSeconds != null ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  describeJobTemplate(w, spec?.jobTemplate);
  const last = cj.status?.lastScheduleTime;
  w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active = cj.status?.active ?? [];
  w.write(0, 'Active Jobs:\t');
  if (active.length === 0) w.line('<none>');
  else w.line(active.map((j) => j.name).join(', '));
  writeEvents(w, events, nowMs);
  return w.toString();
}

function describeJobTemplate(w: PrefixWriter, t: JobTemplateSpec | undefined): void {
  const spec = t?.spec;
  w.write(0, `Selector:\t${spec?.selector ? selector(spec.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds != null) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}
