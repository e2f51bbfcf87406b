/** apps/v1 ReplicaSet: replicas 1, template defaults, ValidateReplicaSetSpec, immutable selector. */
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import { child, setDefault } from '../util';
import { defaultPodTemplate, nonNegative, validateImmutableSelector, validateSelectorAndTemplate } from './workload';
import type { ReplicaSet, ReplicaSetSpec } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, containerCells, NAME, nameCell, selectorText } from '../printing/cells';

export const replicaSetStrategy: KindStrategy<ReplicaSet & KObject> = {
  hasStatus: true,
  tracksGeneration: true,
  default(o) {
    const spec = child(o, 'spec');
    setDefault(spec, 'replicas', 1);
    defaultPodTemplate(spec);
  },
  prepareCreate(o: KObject) {
    // kubernetes-types marks status read-only for clients; the server is the one that writes it.
    o.status = { replicas: 0 };
  },
  validate(o) {
    const spec: Partial<ReplicaSetSpec> = o.spec ?? {};
    const errors: FieldError[] = [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
    errors.push(...validateSelectorAndTemplate(spec));
    return errors;
  },
  validateUpdate(o, old) {
    return validateImmutableSelector(o, old);
  },
};

export const replicaSetKind = defineKind<ReplicaSet>({
  group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, verbs: ALL_VERBS, categories: ['all'],
  strategy: replicaSetStrategy,
  printer: {
    columns: [NAME, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, AGE, { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }, { name: 'Selector', priority: 1 }],
    cells: (r, { now }) => [
      nameCell(r),
      String(r.spec?.replicas ?? 0),
      String(r.status?.replicas ?? 0),
      String(r.status?.readyReplicas ?? 0),
      ageCell(r, now),
      ...containerCells(r.spec?.template),
      selectorText(r.spec?.selector),
    ],
  },
  graph: { draw: 'card', abbrev: 'rs', order: 1, ownsPods: true, stacksUnder: 'Deployment' },
});
