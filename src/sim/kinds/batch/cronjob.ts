/**
 * batch/v1 CronJob (pkg/registry/batch/cronjob, SetDefaults_CronJob, ValidateCronJobCreate and
 * validateCronJobSpec): defaults (Allow, not suspended, keep 3 successful and 1 failed Job), the
 * schedule parsed as robfig/cron's ParseStandard with its own error text, `TZ=` refused in
 * favour of `spec.timeZone`, the concurrency policy, names of at most 52 characters (the Job
 * name adds 11), and the job template validated as a Job's spec without a selector.
 */
import type { CronJob, CronJobSpec, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { validateAnnotations, validateLabels } from '../meta';
import { notSupported } from '../core/podspec-validation';
import { AGE, ageCell, containerCells, NAME, nameCell } from '../printing/cells';
import { formatSelector } from '../../core/labels';
import { age } from '../printing/age';
import type { KindStrategy } from '../strategy';
import { child, setDefault } from '../util';
import { defaultPodTemplate } from '../apps/workload';
import { CronParseError, parseStandard, validZone } from './cron-schedule';
import { validateJobSpec } from './job';

export type CronJobObject = CronJob & KObject;
const MAX_NAME = 52;

function validateSchedule(spec: Partial<CronJobSpec>, oldSchedule: string | undefined): FieldError[] {
  const schedule = spec.schedule ?? '';
  if (schedule.length === 0) return [{ type: 'Required value', field: 'spec.schedule' }];
  const errors: FieldError[] = [];
  try {
    parseStandard(schedule);
  } catch (e) {
    if (!(e instanceof CronParseError)) throw e;
    errors.push({ type: 'Invalid value', field: 'spec.schedule', value: goQuote(schedule), detail: e.message });
  }
  const allowTZ = (oldSchedule ?? '').includes('TZ');
  if (allowTZ && schedule.includes('TZ') && spec.timeZone != null) {
    errors.push({ type: 'Invalid value', field: 'spec.schedule', value: goQuote(schedule), detail: 'cannot use both timeZone field and TZ or CRON_TZ in schedule' });
  } else if (!allowTZ && schedule.includes('TZ')) {
    errors.push({ type: 'Invalid value', field: 'spec.schedule', value: goQuote(schedule), detail: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' });
  }
  return errors;
}

function validateTimeZone(zone: string | null | undefined): FieldError[] {
  if (zone == null) return [];
  const field = 'spec.timeZone';
  if (zone.length === 0) return [{ type: 'Invalid value', field, value: '""', detail: 'timeZone must be nil or non-empty string' }];
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z._+\-0-9]+$/.test(part)) return [{ type: 'Invalid value', field, value: goQuote(zone), detail: `unknown time zone ${zone}` }];
  }
  if (zone.toLowerCase() === 'local') return [{ type: 'Invalid value', field, value: goQuote(zone), detail: 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones' }];
  if (!validZone(zone)) return [{ type: 'Invalid value', field, value: goQuote(zone), detail: `unknown time zone ${zone}` }];
  return [];
}

function validateCronJobSpec(spec: Partial<CronJobSpec>, old: Partial<CronJobSpec> | undefined): FieldError[] {
  const errors = validateSchedule(spec, old?.schedule);
  const nonNegative = (v: number | undefined, field: string) => {
    if (typeof v === 'number' && v < 0) errors.push({ type: 'Invalid value', field, value: String(v), detail: 'must be greater than or equal to 0' });
  };
  nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds');
  if (!old || old.timeZone !== spec.timeZone) errors.push(...validateTimeZone(spec.timeZone));
  const policy = spec.concurrencyPolicy ?? '';
  if (policy === '') errors.push({ type: 'Required value', field: 'spec.concurrencyPolicy' });
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errors.push(notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
  errors.push(...validateJobTemplate(spec.jobTemplate ?? {}));
  nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit');
  nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit');
  return errors;
}

/** ValidateJobTemplateSpec: a Job spec whose selector the Job's creation generates. */
function validateJobTemplate(t: Partial<JobTemplateSpec>): FieldError[] {
  const path = 'spec.jobTemplate.spec';
  const spec = t.spec ?? { template: {} };
  const errors = validateJobSpec(spec, path, false);
  if (spec.selector) errors.push({ type: 'Invalid value', field: `${path}.selector`, value: JSON.stringify(spec.selector), detail: '`selector` will be auto-generated' });
  if (spec.manualSelector) errors.push(notSupported(`${path}.manualSelector`, 'true', ['nil', 'false']));
  errors.push(...validateLabels(t.metadata?.labels, 'spec.jobTemplate.labels'), ...validateAnnotations(t.metadata?.annotations, 'spec.jobTemplate.annotations'));
  return errors;
}

export const cronJobStrategy: KindStrategy<CronJobObject> = {
  hasStatus: true,
  tracksGeneration: true,
  default(o) {
    const spec = child(o, 'spec');
    setDefault(spec, 'concurrencyPolicy', 'Allow');
    setDefault(spec, 'suspend', false);
    setDefault(spec, 'successfulJobsHistoryLimit', 3);
    setDefault(spec, 'failedJobsHistoryLimit', 1);
    const template = child(spec, 'jobTemplate');
    const meta: { creationTimestamp?: string | null } = child(template, 'metadata');
    if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
    defaultPodTemplate(child(template, 'spec'));
  },
  prepareCreate(o) {
    (o as KObject).status = {};
  },
  validate(o) {
    const errors: FieldError[] = [];
    const name = o.metadata.name ?? '';
    if (name.length > MAX_NAME) errors.push({ type: 'Invalid value', field: 'metadata.name', value: goQuote(name), detail: `must be no more than ${MAX_NAME} characters` });
    return [...errors, ...validateCronJobSpec(o.spec ?? {}, undefined)];
  },
  validateUpdate(o, old) {
    return validateCronJobSpec(o.spec ?? {}, old.spec ?? {});
  },
};

function boolPtr(v: boolean | undefined | null): string {
  if (v == null) return '<unset>';
  return v ? 'True' : 'False';
}

export const cronJobKind = defineKind<CronJob>({
  group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', singular: 'cronjob', shortNames: ['cj'], namespaced: true, verbs: ALL_VERBS, categories: ['all'],
  strategy: cronJobStrategy,
  printer: {
    columns: [NAME, { name: 'Schedule' }, { name: 'Timezone' }, { name: 'Suspend' }, { name: 'Active' }, { name: 'Last Schedule' }, AGE, { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 }],
    cells: (c, { now }) => [
      nameCell(c),
      c.spec?.schedule ?? '',
      c.spec?.timeZone ?? '<none>',
      boolPtr(c.spec?.suspend),
      String((c.status?.active ?? []).length),
      c.status?.lastScheduleTime ? age(c.status.lastScheduleTime, now) : '<none>',
      ageCell(c, now),
      ...containerCells(c.spec?.jobTemplate?.spec?.template),
      // FormatLabelSelector: a template has no selector (the Job's is generated), so `<none>`.
      formatSelector(c.spec?.jobTemplate?.spec?.selector),
    ],
  },
  graph: { draw: 'card', abbrev: 'cj', order: 0 },
});
