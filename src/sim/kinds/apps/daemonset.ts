/**
 * apps/v1 DaemonSet (pkg/registry/apps/daemonset, pkg/apis/apps/validation): defaults
 * (RollingUpdate with maxUnavailable 1 and maxSurge 0, revisionHistoryLimit 10), the template
 * generation kept in the `deprecated.daemonset.template.generation` annotation (bumped when the
 * template changes), ValidateDaemonSetSpec and the immutable selector.
 */
import type { DaemonSet, DaemonSetSpec, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { goIntOrString, goLabelSelector, goStringMap } from '../../core/gostr';
import { matchesLabelSelector } from '../../core/labels';
import { clone, type KObject } from '../../core/object';
import { sameJson } from '../../core/json-equal';
import type { FieldError } from '../../api/errors';
import { formatLabels } from '../../core/labels';
import { validateAnnotations, validateLabels } from '../meta';
import { notSupported, validatePodSpec } from '../core/podspec-validation';
import { validateLabelSelector } from '../selector';
import type { KindStrategy } from '../strategy';
import { child, obj, setDefault } from '../util';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, containerCells, NAME, nameCell, selectorText } from '../printing/cells';
import { intOrPercent, isZero, percentValue } from './deployment';
import { defaultPodTemplate, nonNegative, validateImmutableSelector } from './workload';

/** `apps.DeprecatedTemplateGeneration`: the v1 form of the internal `spec.templateGeneration`. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

type DaemonSetObject = DaemonSet & KObject;

function defaultDaemonSet(o: DaemonSetObject): void {
  const spec = child(o, 'spec');
  const strategy = child(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', 1);
    setDefault(ru, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec);
}

function setTemplateGeneration(o: DaemonSetObject, generation: number): void {
  const meta = o.metadata as KObject['metadata'];
  meta.annotations = { ...(meta.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(generation) };
}

/** The template generation stored on a DaemonSet (`util.GetTemplateGeneration`). */
export function templateGeneration(ds: KObject): number | undefined {
  const v = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) ? n : undefined;
}

export const daemonSetStrategy: KindStrategy<DaemonSetObject> = {
  hasStatus: true,
  tracksGeneration: true,
  default: defaultDaemonSet,
  prepareCreate(o) {
    setTemplateGeneration(o, 1);
    // kubernetes-types marks status read-only for clients; the server is the one that writes it.
    (o as KObject).status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  },
  prepareUpdate(o, old) {
    // Compared after defaulting, as the real strategy sees both (decoding defaulted the new one).
    const next = clone(o);
    defaultDaemonSet(next);
    const before = templateGeneration(old) ?? 1;
    setTemplateGeneration(o, sameJson(next.spec?.template, old.spec?.template) ? before : before + 1);
  },
  validate(o) {
    return validateDaemonSetSpec(o.spec ?? {});
  },
  validateUpdate(o, old) {
    return validateImmutableSelector(o, old);
  },
};

function validateDaemonSetSpec(spec: Partial<DaemonSetSpec>): FieldError[] {
  const errors: FieldError[] = [];
  const selector = obj(spec.selector);
  errors.push(...validateLabelSelector(selector, 'spec.selector'));
  const template: PodTemplateSpec = obj(spec.template) ?? {};
  const meta: ObjectMeta = obj(template.metadata) ?? {};
  const labels = obj(meta.labels);
  // A nil selector selects nothing (LabelSelectorAsSelector gives labels.Nothing()).
  const size = selector ? Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length : -1;
  if (size !== 0 && !matchesLabelSelector(selector ?? null, labels ?? {})) {
    errors.push({ type: 'Invalid value', field: 'spec.template.metadata.labels', value: goStringMap(labels), detail: '`selector` does not match template `labels`' });
  }
  if (size === 0) errors.push({ type: 'Invalid value', field: 'spec.selector', value: goLabelSelector(selector), detail: 'empty selector is invalid for daemonset' });
  errors.push(...validateLabels(labels, 'spec.template.labels'));
  errors.push(...validateAnnotations(obj(meta.annotations), 'spec.template.annotations'));
  const podSpec: Partial<PodSpec> = obj(template.spec) ?? {};
  errors.push(...validatePodSpec(podSpec, 'spec.template.spec'));
  if (podSpec.restartPolicy !== 'Always') errors.push(notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errors.push({ type: 'Forbidden', field: 'spec.template.spec.activeDeadlineSeconds', detail: 'activeDeadlineSeconds in DaemonSet is not Supported' });
  }
  errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...validateUpdateStrategy(obj(spec.updateStrategy) ?? {}));
  errors.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errors;
}

/** ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet. */
function validateUpdateStrategy(strategy: DaemonSetUpdateStrategy): FieldError[] {
  const path = 'spec.updateStrategy';
  switch (strategy.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      const ru = obj(strategy.rollingUpdate);
      if (!ru) return [{ type: 'Required value', field: `${path}.rollingUpdate` }];
      const p = `${path}.rollingUpdate`;
      const errors = [...intOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...intOrPercent(ru.maxSurge, `${p}.maxSurge`)];
      if (percentValue(ru.maxUnavailable) > 100) errors.push({ type: 'Invalid value', field: `${p}.maxUnavailable`, value: goIntOrString(ru.maxUnavailable), detail: 'must not be greater than 100%' });
      if (percentValue(ru.maxSurge) > 100) errors.push({ type: 'Invalid value', field: `${p}.maxSurge`, value: goIntOrString(ru.maxSurge), detail: 'must not be greater than 100%' });
      const hasUnavailable = !isZero(ru.maxUnavailable);
      const hasSurge = !isZero(ru.maxSurge);
      if (hasUnavailable && hasSurge) errors.push({ type: 'Invalid value', field: `${p}.maxSurge`, value: goIntOrString(ru.maxSurge), detail: 'may not be set when maxUnavailable is non-zero' });
      if (!hasUnavailable && !hasSurge) errors.push({ type: 'Required value', field: `${p}.maxUnavailable`, detail: 'cannot be 0 when maxSurge is 0' });
      return errors;
    }
    default:
      return [notSupported(`${path}.type`, strategy.type ?? '', ['OnDelete', 'RollingUpdate'])];
  }
}

export const daemonSetKind = defineKind<DaemonSet>({
  group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true, verbs: ALL_VERBS, categories: ['all'],
  strategy: daemonSetStrategy,
  printer: {
    columns: [NAME, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, { name: 'Node Selector' }, AGE, { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 }],
    cells(d, { now }) {
      const st = d.status;
      return [
        nameCell(d),
        String(st?.desiredNumberScheduled ?? 0),
        String(st?.currentNumberScheduled ?? 0),
        String(st?.numberReady ?? 0),
        String(st?.updatedNumberScheduled ?? 0),
        String(st?.numberAvailable ?? 0),
        formatLabels(d.spec?.template?.spec?.nodeSelector),
        ageCell(d, now),
        ...containerCells(d.spec?.template),
        selectorText(d.spec?.selector),
      ];
    },
  },
  graph: { draw: 'card', abbrev: 'ds', order: 0, ownsPods: true },
});
