/**
 * The pods a Job makes and how it reads them (pkg/controller/job/indexed_job_utils.go and
 * job_controller.go): a pod from the template with the tracking finalizer and, for an Indexed
 * Job, its completion index (annotation, label, `JOB_COMPLETION_INDEX`, hostname); the index of
 * a pod; completed indexes as the `1-3,5` intervals kubectl prints.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { clone, ownerRefTo, type KObject } from '../../core/object';
import type { PodObject } from '../../kinds/apps/workload-types';
import { COMPLETION_INDEX, type JobObject } from '../../kinds/batch/job';

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export function isIndexed(job: JobObject): boolean {
  return job.spec?.completionMode === 'Indexed';
}

export function podForJob(job: JobObject, index: number | undefined): KObject {
  const t = job.spec?.template ?? {};
  const name = job.metadata.name!;
  const metadata: KObject['metadata'] = { generateName: index === undefined ? `${name}-` : `${name}-${index}-` };
  const labels = { ...(t.metadata?.labels ?? {}) };
  const annotations = { ...(t.metadata?.annotations ?? {}) };
  const spec = clone(t.spec ?? { containers: [] });
  if (index !== undefined) {
    annotations[COMPLETION_INDEX] = String(index);
    labels[COMPLETION_INDEX] = String(index);
    spec.hostname = `${name}-${index}`;
    const env = (c: Container) => {
      if ((c.env ?? []).some((e) => e.name === 'JOB_COMPLETION_INDEX')) return;
      c.env = [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } }];
    };
    spec.containers?.forEach(env);
    spec.initContainers?.forEach(env);
  }
  if (Object.keys(labels).length) metadata.labels = labels;
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  metadata.finalizers = [...(t.metadata?.finalizers ?? []), TRACKING_FINALIZER];
  metadata.ownerReferences = [ownerRefTo(job)];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** The completion index a pod carries, if it is a valid one for the Job. */
export function podIndex(pod: PodObject, completions: number): number | undefined {
  const text = pod.metadata.annotations?.[COMPLETION_INDEX] ?? pod.metadata.labels?.[COMPLETION_INDEX];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const i = Number(text);
  return i < completions ? i : undefined;
}

/** `1,3-5`: sorted indexes, runs of two or more joined with a dash. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}

export function hasFinalizer(pod: PodObject): boolean {
  return (pod.metadata.finalizers ?? []).includes(TRACKING_FINALIZER);
}

/** When a failed pod finished: its last container's finish time, else now. */
export function finishedAt(pod: PodObject, now: number): number {
  let latest = 0;
  for (const cs of pod.status?.containerStatuses ?? []) {
    const at = cs.state?.terminated?.finishedAt;
    if (at) latest = Math.max(latest, Date.parse(at));
  }
  return latest || now;
}
