/**
 * core/v1 LimitRange (`limits`): per-container, per-pod and per-claim min/max, defaults and
 * limit/request ratios. Defaulted as SetDefaults_LimitRangeItem does (a Container item's default
 * limit falls back to max, its default request to the default limit, then to min) and validated
 * as ValidateLimitRange does. The LimitRanger admission plugin applies it to new pods and claims.
 */
import type { LimitRange, LimitRangeItem } from 'kubernetes-types/core/v1';
import { goQuote } from '../../core/gostr';
import { isQualifiedName } from '../../core/names';
import type { KObject } from '../../core/object';
import { quantityString, tryParseQuantity, type Quantity } from '../../core/quantity';
import { canonicalList } from '../../core/resource-list';
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import { ALL_VERBS, defineKind } from '../kind';
import { validateContainerResourceName, validateResourceName } from './resources-validation';
import { NAME, nameCell } from '../printing/cells';

type Limits = Record<string, string | number>;

const STANDARD_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'];

/** SetDefaults_LimitRangeItem: only Container items get defaults. */
function defaultItem(item: LimitRangeItem): void {
  if (item.type !== 'Container') return;
  const def: Limits = (item.default ??= {});
  const defReq: Limits = (item.defaultRequest ??= {});
  for (const [k, v] of Object.entries((item.max ?? {}) as Limits)) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
  for (const [k, v] of Object.entries((item.min ?? {}) as Limits)) if (!(k in defReq)) defReq[k] = v;
}

export const limitRangeStrategy: KindStrategy<LimitRange & KObject> = {
  default(o) {
    for (const item of o.spec?.limits ?? []) {
      for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const) {
        if (item[field]) item[field] = canonicalList(item[field]);
      }
      defaultItem(item);
    }
  },
  validate(o) {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    (o.spec?.limits ?? []).forEach((item, i) => {
      const p = `spec.limits[${i}]`;
      const type = item.type ?? '';
      validateTypeName(type, `${p}.type`, errors);
      if (seen.has(type)) errors.push({ type: 'Duplicate value', field: `${p}.type`, value: goQuote(type) });
      seen.add(type);
      const pod = type === 'Pod';
      if (pod && Object.keys(item.default ?? {}).length) errors.push({ type: 'Forbidden', field: `${p}.default`, detail: "may not be specified when `type` is 'Pod'" });
      if (pod && Object.keys(item.defaultRequest ?? {}).length) errors.push({ type: 'Forbidden', field: `${p}.defaultRequest`, detail: "may not be specified when `type` is 'Pod'" });
      if (type === 'PersistentVolumeClaim' && item.min?.storage === undefined && item.max?.storage === undefined) {
        errors.push({ type: 'Required value', field: `${p}.limits`, detail: 'either minimum or maximum storage value is required, but neither was provided' });
      }
      validateResourceNames(item, p, errors);
      validateRanges(item, p, errors);
    });
    return errors;
  },
};

function validateTypeName(type: string, path: string, errors: FieldError[]): void {
  const msgs = isQualifiedName(type);
  for (const msg of msgs) errors.push({ type: 'Invalid value', field: path, value: goQuote(type), detail: msg });
  if (!msgs.length && !type.includes('/') && !STANDARD_TYPES.includes(type)) {
    errors.push({ type: 'Invalid value', field: path, value: goQuote(type), detail: 'must be a standard limit type or fully qualified' });
  }
}

/** validateLimitRangeResourceName: container resources for Pod and Container items. */
function validateResourceNames(item: LimitRangeItem, p: string, errors: FieldError[]): void {
  const pod = item.type === 'Pod';
  const lists: [string, unknown][] = [['max', item.max], ['min', item.min], ...(pod ? [] : ([['default', item.default], ['defaultRequest', item.defaultRequest]] as [string, unknown][])), ['maxLimitRequestRatio', item.maxLimitRequestRatio]];
  for (const [field, list] of lists) {
    for (const k of Object.keys((list ?? {}) as Limits)) {
      const path = `${p}.${field}[${k}]`;
      if (pod || item.type === 'Container') validateContainerResourceName(k, path, errors);
      else validateResourceName(k, path, errors);
    }
  }
}

/** min ≤ defaultRequest ≤ default ≤ max for each resource, and ratios of at least 1. */
function validateRanges(item: LimitRangeItem, p: string, errors: FieldError[]): void {
  const q = (m: unknown, k: string): Quantity | undefined => {
    const v = (m as Limits | undefined)?.[k];
    return v === undefined ? undefined : tryParseQuantity(v);
  };
  const pod = item.type === 'Pod';
  const keys = new Set([item.max, item.min, pod ? {} : item.default, pod ? {} : item.defaultRequest, item.maxLimitRequestRatio].flatMap((m) => Object.keys(m ?? {})));
  for (const k of [...keys].sort()) {
    const min = q(item.min, k);
    const max = q(item.max, k);
    const def = pod ? undefined : q(item.default, k);
    const defReq = pod ? undefined : q(item.defaultRequest, k);
    const ratio = q(item.maxLimitRequestRatio, k);
    const s = quantityString;
    const bad = (field: string, value: Quantity, detail: string) => errors.push({ type: 'Invalid value', field: `${p}.${field}[${k}]`, value: goQuote(s(value)), detail });
    if (min && max && min.nanos > max.nanos) bad('min', min, `min value ${s(min)} is greater than max value ${s(max)}`);
    if (defReq && min && min.nanos > defReq.nanos) bad('defaultRequest', defReq, `min value ${s(min)} is greater than default request value ${s(defReq)}`);
    if (defReq && max && defReq.nanos > max.nanos) bad('defaultRequest', defReq, `default request value ${s(defReq)} is greater than max value ${s(max)}`);
    if (defReq && def && defReq.nanos > def.nanos) bad('defaultRequest', defReq, `default request value ${s(defReq)} is greater than default limit value ${s(def)}`);
    if (def && min && min.nanos > def.nanos) bad('default', min, `min value ${s(min)} is greater than default value ${s(def)}`);
    if (def && max && def.nanos > max.nanos) bad('default', max, `default value ${s(def)} is greater than max value ${s(max)}`);
    if (ratio && ratio.nanos < 1_000_000_000n) bad('maxLimitRequestRatio', ratio, `ratio ${s(ratio)} is less than 1`);
    if (ratio && min && max && min.nanos > 0n) {
      const allowed = Number(max.nanos) / Number(min.nanos);
      if (Number(ratio.nanos) / 1e9 > allowed) bad('maxLimitRequestRatio', ratio, `ratio ${s(ratio)} is greater than max/min = ${allowed.toFixed(6)}`);
    }
  }
}

export const limitRangeKind = defineKind<LimitRange>({
  group: '', version: 'v1', kind: 'LimitRange', plural: 'limitranges', singular: 'limitrange', shortNames: ['limits'], namespaced: true, verbs: ALL_VERBS,
  strategy: limitRangeStrategy,
  printer: {
    // printLimitRange: the creation time itself (a date column), not an age.
    columns: [NAME, { name: 'Created At' }],
    cells: (l) => [nameCell(l), l.metadata?.creationTimestamp ?? ''],
  },
  graph: { draw: 'none' },
});
