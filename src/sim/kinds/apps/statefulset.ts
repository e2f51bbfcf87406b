/**
 * apps/v1 StatefulSet (pkg/registry/apps/statefulset, pkg/apis/apps/v1/defaults.go,
 * pkg/apis/apps/validation): defaults (OrderedReady, RollingUpdate with partition 0, claim
 * retention Retain/Retain, replicas 1, revisionHistoryLimit 10, the claim templates' own
 * defaults), ValidateStatefulSetSpec (the template's pod spec is not validated: the pods the
 * controller creates are), and ValidateStatefulSetUpdate's short list of mutable fields.
 */
import type { StatefulSet, StatefulSetSpec, StatefulSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { goIntOrString, goLabelSelector, goQuote, goStringMap } from '../../core/gostr';
import { matchesLabelSelector } from '../../core/labels';
import type { KObject } from '../../core/object';
import { sameJson } from '../../core/json-equal';
import type { FieldError } from '../../api/errors';
import { validateAnnotations, validateLabels } from '../meta';
import { notSupported } from '../core/podspec-validation';
import { validateLabelSelector } from '../selector';
import type { KindStrategy } from '../strategy';
import { child, obj, objects, setDefault } from '../util';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, containerCells, NAME, nameCell } from '../printing/cells';
import { intOrPercent, percentValue } from './deployment';
import { defaultPodTemplate, nonNegative } from './workload';

type StatefulSetObject = StatefulSet & KObject;

function defaultStatefulSet(o: StatefulSetObject): void {
  const spec = child(o, 'spec');
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = child(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    child(strategy, 'rollingUpdate');
  }
  if (strategy.type === 'RollingUpdate' && obj(strategy.rollingUpdate)) setDefault(strategy.rollingUpdate!, 'partition', 0);
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy');
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec);
  // SetObjectDefaults_StatefulSet runs the PVC defaults on every claim template (kind and
  // apiVersion come from the versioned type the server encodes).
  for (const t of objects(spec.volumeClaimTemplates)) defaultClaimTemplate(t);
}

function defaultClaimTemplate(t: PersistentVolumeClaim): void {
  const claim = t as PersistentVolumeClaim;
  claim.apiVersion = 'v1';
  claim.kind = 'PersistentVolumeClaim';
  const meta: { creationTimestamp?: string | null } = child(claim, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  setDefault(child(claim, 'spec'), 'volumeMode', 'Filesystem');
  const status = child(claim as { status?: { phase?: string } }, 'status');
  setDefault(status, 'phase', 'Pending');
}

/**
 * `dropStatefulSetDisabledFields`: maxUnavailable needs the alpha MaxUnavailableStatefulSet
 * gate, off in 1.32, so it is dropped unless the stored object already used it.
 */
function dropMaxUnavailable(o: StatefulSetObject, old?: StatefulSetObject): void {
  if (old?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable !== undefined) return;
  const ru = obj(o.spec?.updateStrategy?.rollingUpdate);
  if (ru) delete ru.maxUnavailable;
}

export const statefulSetStrategy: KindStrategy<StatefulSetObject> = {
  hasStatus: true,
  tracksGeneration: true,
  default: defaultStatefulSet,
  prepareCreate(o) {
    dropMaxUnavailable(o);
    // StatefulSetStatus's replicas and availableReplicas have no omitempty.
    (o as KObject).status = { replicas: 0, availableReplicas: 0 };
  },
  prepareUpdate(o, old) {
    dropMaxUnavailable(o, old);
  },
  validate(o) {
    return validateStatefulSetSpec(o.spec ?? {});
  },
  validateUpdate(o, old) {
    // Everything but replicas, template, updateStrategy, minReadySeconds, ordinals and the
    // retention policy must stay as it was.
    const strip = (spec: Partial<StatefulSetSpec> | undefined): Record<string, unknown> => {
      const s: Record<string, unknown> = { ...(spec ?? {}) };
      for (const k of ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy']) delete s[k];
      return s;
    };
    if (sameJson(strip(o.spec), strip(old.spec))) return [];
    return [{ type: 'Forbidden', field: 'spec', detail: "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden" }];
  },
};

function validateStatefulSetSpec(spec: Partial<StatefulSetSpec>): FieldError[] {
  const errors: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (!policy) errors.push({ type: 'Required value', field: 'spec.podManagementPolicy' });
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errors.push({ type: 'Invalid value', field: 'spec.podManagementPolicy', value: goQuote(String(policy)), detail: "must be 'OrderedReady' or 'Parallel'" });
  }
  errors.push(...validateUpdateStrategy(obj(spec.updateStrategy) ?? {}));
  const retention = obj(spec.persistentVolumeClaimRetentionPolicy);
  if (retention) {
    for (const k of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[k];
      if (v !== 'Retain' && v !== 'Delete') errors.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${k}`, v ?? '', ['Retain', 'Delete']));
    }
  }
  errors.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (obj(spec.ordinals)) errors.push(...nonNegative(spec.ordinals!.start, 'spec.ordinals.start'));
  const selector = obj(spec.selector);
  let size = -1;
  if (!selector) errors.push({ type: 'Required value', field: 'spec.selector' });
  else {
    errors.push(...validateLabelSelector(selector, 'spec.selector'));
    size = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length;
    if (size === 0) errors.push({ type: 'Invalid value', field: 'spec.selector', value: goLabelSelector(selector), detail: 'empty selector is invalid for statefulset' });
  }
  const template: PodTemplateSpec = obj(spec.template) ?? {};
  const meta: ObjectMeta = obj(template.metadata) ?? {};
  const labels = obj(meta.labels);
  // A nil selector selects nothing; an empty one is not checked against the labels.
  if (size !== 0 && !matchesLabelSelector(selector ?? null, labels ?? {})) {
    errors.push({ type: 'Invalid value', field: 'spec.template.metadata.labels', value: goStringMap(labels), detail: '`selector` does not match template `labels`' });
  }
  errors.push(...validateLabels(labels, 'spec.template.labels'));
  errors.push(...validateAnnotations(obj(meta.annotations), 'spec.template.annotations'));
  const podSpec: Partial<PodSpec> = obj(template.spec) ?? {};
  if (podSpec.restartPolicy !== 'Always') errors.push(notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errors.push({ type: 'Forbidden', field: 'spec.template.spec.activeDeadlineSeconds', detail: 'activeDeadlineSeconds in StatefulSet is not Supported' });
  }
  return errors;
}

/** The `%#v` of an internal StatefulSetUpdateStrategy, as field.Invalid prints it. */
function goUpdateStrategy(s: StatefulSetUpdateStrategy): string {
  const ru = s.rollingUpdate ? '(0xc000a2c1e0)' : '(nil)';
  return `apps.StatefulSetUpdateStrategy{Type:${goQuote(s.type ?? '')}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)${ru}}`;
}

function validateUpdateStrategy(strategy: StatefulSetUpdateStrategy): FieldError[] {
  const path = 'spec.updateStrategy';
  switch (strategy.type) {
    case undefined:
    case '':
      return [{ type: 'Required value', field: path }];
    case 'OnDelete':
      return obj(strategy.rollingUpdate) ? [{ type: 'Invalid value', field: `${path}.rollingUpdate`, value: `apps.RollingUpdateStatefulSetStrategy{Partition:${Number(strategy.rollingUpdate!.partition ?? 0)}, MaxUnavailable:(*intstr.IntOrString)(nil)}`, detail: "only allowed for updateStrategy 'RollingUpdate'" }] : [];
    case 'RollingUpdate': {
      const ru = obj(strategy.rollingUpdate);
      if (!ru) return [];
      const p = `${path}.rollingUpdate`;
      const errors = [...nonNegative(ru.partition, `${p}.partition`)];
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
        errors.push(...intOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
        if (percentValue(ru.maxUnavailable) === 0) errors.push({ type: 'Invalid value', field: `${p}.maxUnavailable`, value: goIntOrString(ru.maxUnavailable), detail: 'cannot be 0' });
        if (percentValue(ru.maxUnavailable) > 100) errors.push({ type: 'Invalid value', field: `${p}.maxUnavailable`, value: goIntOrString(ru.maxUnavailable), detail: 'must not be greater than 100%' });
      }
      return errors;
    }
    default:
      return [{ type: 'Invalid value', field: path, value: goUpdateStrategy(strategy), detail: "must be 'RollingUpdate' or 'OnDelete'" }];
  }
}

/** A StatefulSet's spec.replicas (defaulted to 1). */
export function statefulSetReplicas(sts: { spec?: { replicas?: number } }): number {
  return sts.spec?.replicas ?? 1;
}

export const statefulSetKind = defineKind<StatefulSet>({
  group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], namespaced: true, verbs: ALL_VERBS, categories: ['all'],
  strategy: statefulSetStrategy,
  printer: {
    columns: [NAME, { name: 'Ready' }, AGE, { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }],
    cells: (s, { now }) => [nameCell(s), `${s.status?.readyReplicas ?? 0}/${statefulSetReplicas(s)}`, ageCell(s, now), ...containerCells(s.spec?.template)],
  },
  graph: { draw: 'card', abbrev: 'sts', order: 0, ownsPods: true },
});
