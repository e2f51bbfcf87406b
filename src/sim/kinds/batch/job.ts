/**
 * batch/v1 Job (pkg/registry/batch/job, pkg/apis/batch/v1/defaults.go, pkg/apis/batch/validation):
 * defaults (completions and parallelism 1 when both are unset, backoffLimit 6, NonIndexed,
 * suspend false, podReplacementPolicy, manualSelector false), the generated selector on
 * `batch.kubernetes.io/controller-uid` with the four job labels on the template, ValidateJob
 * (restartPolicy OnFailure|Never, Indexed needs completions, podFailurePolicy needs Never) and
 * the immutable fields on update. The printer is printJob.
 */
import type { Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { FieldError } from '../../api/errors';
import { goJson, goLabelSelector, goQuote, goStringMap } from '../../core/gostr';
import { matchesLabelSelector } from '../../core/labels';
import type { KObject } from '../../core/object';
import { sameJson } from '../../core/json-equal';
import { isDNS1123Label } from '../../core/names';
import { ALL_VERBS, defineKind } from '../kind';
import { validateAnnotations, validateLabels } from '../meta';
import { notSupported, validatePodSpec } from '../core/podspec-validation';
import { age, humanDuration } from '../printing/age';
import { AGE, ageCell, containerCells, NAME, nameCell, selectorText } from '../printing/cells';
import { validateLabelSelector } from '../selector';
import type { KindStrategy } from '../strategy';
import { child, obj, setDefault } from '../util';
import { defaultPodTemplate, nonNegative } from '../apps/workload';
import { validatePodFailurePolicy } from './pod-failure-policy';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
const MAX_PARALLELISM_INDEXED = 100000;

export type JobObject = Job & KObject;

/** SetDefaults_Job, with the template's pod defaults. */
export function defaultJobSpec(spec: Partial<JobSpec>): void {
  if ((spec.completions ?? null) === null && (spec.parallelism ?? null) === null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? 2147483647 : 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const c of rule?.onPodConditions ?? []) if (c && !c.status) c.status = 'True';
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
  setDefault(spec, 'manualSelector', false);
  defaultPodTemplate(spec as { template?: PodTemplateSpec });
}

/** generateSelector: the four labels on the template, and a selector on the uid alone. */
function generateSelector(o: JobObject, uid: string): void {
  const spec = child(o, 'spec');
  if (spec.manualSelector) return;
  const meta = child(child(spec, 'template'), 'metadata');
  const labels = (meta.labels = { ...(meta.labels ?? {}) });
  labels[LEGACY_CONTROLLER_UID_LABEL] ??= uid;
  labels[LEGACY_JOB_NAME_LABEL] ??= o.metadata.name ?? '';
  labels[CONTROLLER_UID_LABEL] ??= uid;
  labels[JOB_NAME_LABEL] ??= o.metadata.name ?? '';
  spec.selector ??= { matchLabels: { [CONTROLLER_UID_LABEL]: uid } };
}

export const jobStrategy: KindStrategy<JobObject> = {
  hasStatus: true,
  tracksGeneration: true,
  default(o) {
    defaultJobSpec(child(o, 'spec'));
  },
  prepareCreate(o, ctx) {
    // The uid the selector names is the Job's own: the server assigns it here, before the selector.
    const uid = ctx.rng.uuid();
    (o.metadata as { uid?: string }).uid = uid;
    generateSelector(o, uid);
    // SetDefaults_Job copies the template's labels to a Job without labels (on every read).
    const labels = o.spec?.template?.metadata?.labels;
    if (labels && Object.keys(o.metadata.labels ?? {}).length === 0) o.metadata.labels = { ...labels };
    (o as KObject).status = {};
  },
  validate(o) {
    const errors = validateGeneratedSelector(o);
    errors.push(...validateJobSpec(o.spec ?? {}));
    const spec = o.spec;
    if (spec?.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
      const hostname = `${o.metadata.name}-${spec.completions - 1}`;
      if (isDNS1123Label(hostname).length) errors.push({ type: 'Invalid value', field: 'metadata.name', value: goQuote(o.metadata.name ?? ''), detail: `will not able to create pod with invalid DNS label: ${hostname}` });
    }
    return errors;
  },
  validateUpdate(o, old) {
    const spec: Partial<JobSpec> = o.spec ?? {};
    const before: Partial<JobSpec> = old.spec ?? {};
    const errors: FieldError[] = [];
    // validateCompletions: completions may change only with parallelism, on an Indexed Job.
    if (spec.completions !== before.completions && !(spec.completionMode === 'Indexed' && spec.completions === spec.parallelism && before.completions === before.parallelism)) {
      errors.push(immutable('spec.completions', spec.completions ?? null));
    }
    if (!sameJson(spec.selector, before.selector)) errors.push({ type: 'Invalid value', field: 'spec.selector', value: goLabelSelector(spec.selector), detail: 'field is immutable' });
    if (!sameJson(templateForUpdate(spec, before), before.template)) errors.push({ type: 'Invalid value', field: 'spec.template', value: goJson(spec.template), detail: 'field is immutable' });
    if (spec.completionMode !== before.completionMode) errors.push(immutable('spec.completionMode', spec.completionMode ?? null));
    if (!sameJson(spec.podFailurePolicy, before.podFailurePolicy)) errors.push({ type: 'Invalid value', field: 'spec.podFailurePolicy', value: goJson(spec.podFailurePolicy), detail: 'field is immutable' });
    return errors;
  },
};

function immutable(field: string, value: unknown): FieldError {
  return { type: 'Invalid value', field, value: typeof value === 'string' ? goQuote(value) : String(value), detail: 'field is immutable' };
}

/**
 * AllowMutableSchedulingDirectives: a suspended Job that never started may change where its
 * pods go (node selector, affinity, tolerations, template labels and annotations).
 */
function templateForUpdate(spec: Partial<JobSpec>, before: Partial<JobSpec>): PodTemplateSpec | undefined {
  const t = spec.template;
  if (!spec.suspend || !t || !before.template) return t;
  const old = before.template;
  return {
    ...t,
    metadata: { ...t.metadata, labels: old.metadata?.labels, annotations: old.metadata?.annotations },
    spec: { ...(t.spec as PodSpec), nodeSelector: old.spec?.nodeSelector, tolerations: old.spec?.tolerations, affinity: old.spec?.affinity, schedulingGates: old.spec?.schedulingGates },
  };
}

function validateGeneratedSelector(o: JobObject): FieldError[] {
  const spec = o.spec;
  if (spec?.manualSelector || !spec?.selector) return [];
  const uid = o.metadata.uid ?? '';
  const name = o.metadata.name ?? '';
  const labels = spec.template?.metadata?.labels ?? {};
  const errors: FieldError[] = [];
  const path = 'spec.template.metadata';
  for (const [key, value] of [[LEGACY_CONTROLLER_UID_LABEL, uid], [LEGACY_JOB_NAME_LABEL, name], [CONTROLLER_UID_LABEL, uid], [JOB_NAME_LABEL, name]]) {
    if (!(key in labels)) errors.push({ type: 'Required value', field: `${path}.labels`, detail: `must be '${value}'` });
    else if (labels[key] !== value) errors.push({ type: 'Invalid value', field: `${path}.labels`, value: goQuote(labels[key]), detail: `must be '${value}'` });
  }
  const expected = { [LEGACY_CONTROLLER_UID_LABEL]: uid, [LEGACY_JOB_NAME_LABEL]: name, [CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: name };
  if (!matchesLabelSelector(spec.selector, expected)) errors.push({ type: 'Invalid value', field: 'spec.selector', value: goLabelSelector(spec.selector), detail: '`selector` not auto-generated' });
  return errors;
}

/** ValidateJobSpec and validateJobSpec. */
export function validateJobSpec(spec: Partial<JobSpec>, path = 'spec', withSelector = true): FieldError[] {
  const errors: FieldError[] = [];
  errors.push(...nonNegative(spec.parallelism, `${path}.parallelism`));
  errors.push(...nonNegative(spec.completions, `${path}.completions`));
  errors.push(...nonNegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  errors.push(...nonNegative(spec.backoffLimit, `${path}.backoffLimit`));
  errors.push(...nonNegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  const mode = spec.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errors.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions == null) errors.push({ type: 'Required value', field: `${path}.completions`, detail: 'when completion mode is Indexed' });
      if (spec.parallelism != null && spec.parallelism > MAX_PARALLELISM_INDEXED) errors.push({ type: 'Invalid value', field: `${path}.parallelism`, value: String(spec.parallelism), detail: `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed` });
    }
  }
  const template: PodTemplateSpec = obj(spec.template) ?? {};
  if (spec.podFailurePolicy) errors.push(...validatePodFailurePolicy(spec.podFailurePolicy, template.spec?.containers ?? [], `${path}.podFailurePolicy`));
  const replacement = spec.podReplacementPolicy;
  if (replacement != null) {
    if (spec.podFailurePolicy && replacement !== 'Failed') errors.push(notSupported(`${path}.podReplacementPolicy`, replacement, ['Failed']));
    else if (replacement !== 'Failed' && replacement !== 'TerminatingOrFailed') errors.push(notSupported(`${path}.podReplacementPolicy`, replacement, ['Failed', 'TerminatingOrFailed']));
  }
  const meta = obj(template.metadata) ?? {};
  errors.push(...validateLabels(obj(meta.labels), `${path}.template.labels`));
  errors.push(...validateAnnotations(obj(meta.annotations), `${path}.template.annotations`));
  const podSpec: Partial<PodSpec> = obj(template.spec) ?? {};
  const policy = podSpec.restartPolicy;
  errors.push(...validatePodSpec(podSpec, `${path}.template.spec`));
  if (policy === 'Always' || !policy) {
    errors.push({ type: 'Required value', field: `${path}.template.spec.restartPolicy`, detail: 'valid values: "OnFailure", "Never"' });
  } else if (policy !== 'OnFailure' && policy !== 'Never') {
    errors.push(notSupported(`${path}.template.spec.restartPolicy`, policy, ['OnFailure', 'Never']));
  } else if (spec.podFailurePolicy && policy !== 'Never') {
    errors.push({ type: 'Invalid value', field: `${path}.template.spec.restartPolicy`, value: goQuote(policy), detail: 'only "Never" is supported when podFailurePolicy is specified' });
  }
  if (!withSelector) return errors;
  // ValidateJobSpec: the selector, and the template's labels matching it.
  const selector = obj(spec.selector);
  if (!selector) {
    errors.push({ type: 'Required value', field: `${path}.selector` });
  } else {
    errors.push(...validateLabelSelector(selector, `${path}.selector`));
    if (!matchesLabelSelector(selector, obj(meta.labels) ?? {})) {
      errors.push({ type: 'Invalid value', field: `${path}.template.metadata.labels`, value: goStringMap(meta.labels), detail: '`selector` does not match template `labels`' });
    }
  }
  return errors;
}

export function hasCondition(job: Job, type: string): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** printJob's STATUS. */
export function jobStatusText(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completionsText(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions != null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function durationText(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  // HumanDuration of completion − start, measured as an age at the completion time.
  return end ? humanDuration(Date.parse(end) - Date.parse(start)) : age(start, now);
}

export const jobKind = defineKind<Job>({
  group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', singular: 'job', shortNames: [], namespaced: true, verbs: ALL_VERBS, categories: ['all'],
  strategy: jobStrategy,
  printer: {
    columns: [NAME, { name: 'Status' }, { name: 'Completions' }, { name: 'Duration' }, AGE, { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 }],
    cells: (j, { now }) => [nameCell(j), jobStatusText(j), completionsText(j), durationText(j, now), ageCell(j, now), ...containerCells(j.spec?.template), selectorText(j.spec?.selector)],
  },
  graph: { draw: 'card', abbrev: 'job', order: 1, ownsPods: true, stacksUnder: 'CronJob' },
});
