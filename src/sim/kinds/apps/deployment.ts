/** apps/v1 Deployment: defaults, validation (ValidateDeploymentSpec), immutable selector. */
import { goIntOrString, goScalar } from '../../core/gostr';
import { isValidPercent } from '../../core/names';
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import { child, setDefault } from '../util';
import { defaultPodTemplate, nonNegative, validateImmutableSelector, validateSelectorAndTemplate } from './workload';
import type { Deployment, DeploymentSpec, DeploymentStrategy } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, containerCells, NAME, nameCell, selectorText } from '../printing/cells';

export const deploymentStrategy: KindStrategy<Deployment & KObject> = {
  hasStatus: true,
  tracksGeneration: true,
  default(o) {
    const spec = child(o, 'spec');
    setDefault(spec, 'replicas', 1);
    const strategy = child(spec, 'strategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = child(strategy, 'rollingUpdate');
      setDefault(ru, 'maxUnavailable', '25%');
      setDefault(ru, 'maxSurge', '25%');
    }
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'progressDeadlineSeconds', 600);
    defaultPodTemplate(spec);
  },
  prepareCreate(o) {
    o.status = {};
  },
  validate(o) {
    const spec: Partial<DeploymentSpec> = o.spec ?? {};
    const errors: FieldError[] = [...nonNegative(spec.replicas, 'spec.replicas')];
    errors.push(...validateSelectorAndTemplate(spec));
    errors.push(...validateStrategy(spec.strategy ?? {}));
    errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
    errors.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
    if (typeof spec.progressDeadlineSeconds === 'number') {
      errors.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
      if (spec.progressDeadlineSeconds <= (typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0)) {
        errors.push({ type: 'Invalid value', field: 'spec.progressDeadlineSeconds', value: String(spec.progressDeadlineSeconds), detail: 'must be greater than minReadySeconds' });
      }
    }
    return errors;
  },
  validateUpdate(o, old) {
    return validateImmutableSelector(o, old);
  },
};

function validateStrategy(strategy: DeploymentStrategy): FieldError[] {
  const path = 'spec.strategy';
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate ? [{ type: 'Forbidden', field: `${path}.rollingUpdate`, detail: "may not be specified when strategy `type` is 'Recreate'" }] : [];
    case 'RollingUpdate': {
      const ru = strategy.rollingUpdate ?? {};
      const errors = [...intOrPercent(ru.maxUnavailable, `${path}.rollingUpdate.maxUnavailable`), ...intOrPercent(ru.maxSurge, `${path}.rollingUpdate.maxSurge`)];
      if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
        errors.push({ type: 'Invalid value', field: `${path}.rollingUpdate.maxUnavailable`, value: goIntOrString(ru.maxUnavailable), detail: 'may not be 0 when `maxSurge` is 0' });
      }
      if (percentValue(ru.maxUnavailable) > 100) {
        errors.push({ type: 'Invalid value', field: `${path}.rollingUpdate.maxUnavailable`, value: goIntOrString(ru.maxUnavailable), detail: 'must not be greater than 100%' });
      }
      return errors;
    }
    default: {
      const ru = strategy.rollingUpdate ? '(*apps.RollingUpdateDeployment)(…)' : '(*apps.RollingUpdateDeployment)(nil)';
      return [{ type: 'Unsupported value', field: path, value: `apps.DeploymentStrategy{Type:${goScalar(String(strategy.type ?? ''))}, RollingUpdate:${ru}}`, detail: 'supported values: "Recreate", "RollingUpdate"' }];
    }
  }
}

export function intOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => ({ type: 'Invalid value', field, value: goIntOrString(v), detail: msg }));
  return nonNegative(v, field);
}

/** getIntOrPercentValue: `0`, `"0%"` (and unparseable strings) count as 0. */
export function isZero(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'number') return v === 0;
  const m = /^(\d+)%$/.exec(String(v));
  return m ? Number(m[1]) === 0 : true;
}

export function percentValue(v: unknown): number {
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  return m ? Number(m[1]) : 0;
}

export const deploymentKind = defineKind<Deployment>({
  group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, verbs: ALL_VERBS, categories: ['all'],
  strategy: deploymentStrategy,
  printer: {
    columns: [NAME, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, AGE, { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 }],
    cells(d, { now }) {
      const st = d.status ?? {};
      return [
        nameCell(d),
        `${st.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
        String(st.updatedReplicas ?? 0),
        String(st.availableReplicas ?? 0),
        ageCell(d, now),
        ...containerCells(d.spec?.template),
        selectorText(d.spec?.selector),
      ];
    },
  },
  graph: { draw: 'card', abbrev: 'deploy', order: 0 },
});
