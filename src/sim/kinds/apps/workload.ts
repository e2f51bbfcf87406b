/**
 * What Deployments and ReplicaSets share: pod template defaults (no admission: templates get
 * no service-account volume) and ValidatePodTemplateSpecForReplicaSet, the selector checks
 * and the immutable selector on update.
 */
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1';
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { goLabelSelector, goStringMap } from '../../core/gostr';
import { matchesLabelSelector } from '../../core/labels';
import type { FieldError } from '../../api/errors';
import { validateAnnotations, validateLabels } from '../meta';
import { defaultPodSpec } from '../core/podspec-defaults';
import { notSupported, validatePodSpec } from '../core/podspec-validation';
import { validateLabelSelector } from '../selector';
import { child, obj } from '../util';

/** What a DeploymentSpec and a ReplicaSetSpec share, as far as these checks read them. */
interface WorkloadSpec {
  selector?: LabelSelector;
  template?: PodTemplateSpec;
}

export function defaultPodTemplate(spec: WorkloadSpec): void {
  const template = child(spec, 'template');
  // ObjectMeta is a struct inside templates: the server always writes `creationTimestamp: null`
  // (kubernetes-types has it as a read-only string).
  const meta: { creationTimestamp?: string | null } = child(template, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodSpec(child(template, 'spec'));
}

export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [{ type: 'Invalid value', field, value: String(value), detail: 'must be greater than or equal to 0' }] : [];
}

/** Selector present, valid, non-empty; template labels matched by it; template valid with restartPolicy Always. */
export function validateSelectorAndTemplate(spec: WorkloadSpec): FieldError[] {
  const errors: FieldError[] = [];
  const selector = obj(spec.selector);
  if (!selector) {
    errors.push({ type: 'Required value', field: 'spec.selector' });
  } else {
    errors.push(...validateLabelSelector(selector, 'spec.selector'));
    const size = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length;
    if (size === 0) errors.push({ type: 'Invalid value', field: 'spec.selector', value: goLabelSelector(selector), detail: 'empty selector is invalid for deployment' });
  }
  const template: PodTemplateSpec = obj(spec.template) ?? {};
  const meta: ObjectMeta = obj(template.metadata) ?? {};
  const labels = obj(meta.labels);
  const selectsAll = selector && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
  // A nil selector selects nothing (so it never matches); an empty one everything (not checked).
  if (!selectsAll && !matchesLabelSelector(selector ?? null, labels ?? {})) {
    errors.push({ type: 'Invalid value', field: 'spec.template.metadata.labels', value: goStringMap(labels), detail: '`selector` does not match template `labels`' });
  }
  errors.push(...validateLabels(labels, 'spec.template.labels'));
  errors.push(...validateAnnotations(obj(meta.annotations), 'spec.template.annotations'));
  const podSpec: Partial<PodSpec> = obj(template.spec) ?? {};
  errors.push(...validatePodSpec(podSpec, 'spec.template.spec'));
  if (podSpec.restartPolicy !== 'Always') errors.push(notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errors.push({ type: 'Invalid value', field: 'spec.template.spec.activeDeadlineSeconds', value: String(podSpec.activeDeadlineSeconds), detail: 'activeDeadlineSeconds in ReplicaSet is not Supported' });
  }
  return errors;
}

export function validateImmutableSelector(o: { spec?: WorkloadSpec }, old: { spec?: WorkloadSpec }): FieldError[] {
  const now = o.spec?.selector;
  const before = old.spec?.selector;
  if (JSON.stringify(normalizeSelector(now)) === JSON.stringify(normalizeSelector(before))) return [];
  return [{ type: 'Invalid value', field: 'spec.selector', value: goLabelSelector(now), detail: 'field is immutable' }];
}

/** Semantic equality: nil and empty maps/lists are equal; map key order does not matter. */
function normalizeSelector(sel: LabelSelector | undefined): unknown {
  const s = obj(sel);
  if (!s) return null;
  const labels = obj(s.matchLabels) ?? {};
  const sorted = Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k]]));
  const exprs = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  // `e?.`: without strict field validation an item may be anything.
  return { matchLabels: sorted, matchExpressions: exprs.map((e) => ({ key: e?.key, operator: e?.operator, values: e?.values ?? [] })) };
}
