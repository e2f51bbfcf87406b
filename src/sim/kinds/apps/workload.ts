/**
 * What Deployments and ReplicaSets share: pod template defaults (no admission: templates get
 * no service-account volume) and ValidatePodTemplateSpecForReplicaSet, the selector checks
 * and the immutable selector on update.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodSpec } from 'kubernetes-types/core/v1';
import { goLabelSelector, goStringMap } from '../../gostr';
import { matchesLabelSelector } from '../../labels';
import type { KObject } from '../../object';
import type { FieldError } from '../../api/errors';
import { validateAnnotations, validateLabels } from '../meta';
import { defaultPodSpec } from '../core/podspec-defaults';
import { notSupported, validatePodSpec } from '../core/podspec-validation';
import { validateLabelSelector } from '../selector';
import { anyChild as child, anyObj as obj, type J } from '../util';

export function defaultPodTemplate(spec: J): void {
  const template = child(spec, 'template');
  // ObjectMeta is a struct inside templates: the server always writes `creationTimestamp: null`.
  const meta = child(template, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodSpec(child(template, 'spec') as PodSpec);
}

export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [{ type: 'Invalid value', field, value: String(value), detail: 'must be greater than or equal to 0' }] : [];
}

/** Selector present, valid, non-empty; template labels matched by it; template valid with restartPolicy Always. */
export function validateSelectorAndTemplate(spec: J): FieldError[] {
  const errors: FieldError[] = [];
  const selector = obj(spec.selector) as LabelSelector | undefined;
  if (!selector) {
    errors.push({ type: 'Required value', field: 'spec.selector' });
  } else {
    errors.push(...validateLabelSelector(selector, 'spec.selector'));
    const size = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length;
    if (size === 0) errors.push({ type: 'Invalid value', field: 'spec.selector', value: goLabelSelector(selector), detail: 'empty selector is invalid for deployment' });
  }
  const template = obj(spec.template) ?? {};
  const meta = obj(template.metadata) ?? {};
  const labels = obj(meta.labels) as Record<string, string> | undefined;
  const selectsAll = selector && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
  // A nil selector selects nothing (so it never matches); an empty one everything (not checked).
  if (!selectsAll && !matchesLabelSelector(selector ?? null, labels ?? {})) {
    errors.push({ type: 'Invalid value', field: 'spec.template.metadata.labels', value: goStringMap(labels), detail: '`selector` does not match template `labels`' });
  }
  errors.push(...validateLabels(labels, 'spec.template.labels'));
  errors.push(...validateAnnotations(obj(meta.annotations) as Record<string, string> | undefined, 'spec.template.annotations'));
  const podSpec = obj(template.spec) ?? {};
  errors.push(...validatePodSpec(podSpec, 'spec.template.spec'));
  if (podSpec.restartPolicy !== 'Always') errors.push(notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errors.push({ type: 'Invalid value', field: 'spec.template.spec.activeDeadlineSeconds', value: String(podSpec.activeDeadlineSeconds), detail: 'activeDeadlineSeconds in ReplicaSet is not Supported' });
  }
  return errors;
}

export function validateImmutableSelector(obj: KObject, old: KObject): FieldError[] {
  const now = (obj.spec as J | undefined)?.selector;
  const before = (old.spec as J | undefined)?.selector;
  if (JSON.stringify(normalizeSelector(now)) === JSON.stringify(normalizeSelector(before))) return [];
  return [{ type: 'Invalid value', field: 'spec.selector', value: goLabelSelector(now), detail: 'field is immutable' }];
}

/** Semantic equality: nil and empty maps/lists are equal; map key order does not matter. */
function normalizeSelector(sel: unknown): unknown {
  const s = obj(sel);
  if (!s) return null;
  const labels = obj(s.matchLabels) ?? {};
  const sorted = Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k]]));
  const exprs = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  return { matchLabels: sorted, matchExpressions: exprs.map((e: J) => ({ key: e?.key, operator: e?.operator, values: e?.values ?? [] })) };
}
