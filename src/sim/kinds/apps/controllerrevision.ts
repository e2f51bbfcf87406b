/**
 * apps/v1 ControllerRevision (pkg/registry/apps/controllerrevision): an immutable snapshot of a
 * DaemonSet's (or StatefulSet's) template, named `<owner>-<hash>`, that rollouts compare pods
 * against. Validation as ValidateControllerRevision: `data` is mandatory, `revision` ≥ 0.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../core/object';
import { controllerRef } from '../../core/object';
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell, NONE } from '../printing/cells';
import { nonNegative } from './workload';

export const controllerRevisionStrategy: KindStrategy<ControllerRevision & KObject> = {
  validate(o) {
    const errors: FieldError[] = [];
    if (o.data === undefined || o.data === null) errors.push({ type: 'Required value', field: 'data', detail: 'data is mandatory' });
    errors.push(...nonNegative(o.revision, 'revision'));
    return errors;
  },
};

/** `formatResourceName(gvk.GroupKind(), name, withKind)`: `daemonset.apps/kindnet`. */
function controllerCell(o: KObject): string {
  const ref = controllerRef(o);
  if (!ref) return NONE;
  const slash = ref.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
  const kind = ref.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${ref.name}`;
}

export const controllerRevisionKind = defineKind<ControllerRevision>({
  group: 'apps', version: 'v1', kind: 'ControllerRevision', plural: 'controllerrevisions', singular: 'controllerrevision', shortNames: [], namespaced: true, verbs: ALL_VERBS,
  strategy: controllerRevisionStrategy,
  printer: {
    columns: [NAME, { name: 'Controller' }, { name: 'Revision' }, AGE],
    cells: (r, { now }) => [nameCell(r), controllerCell(r), String(r.revision ?? 0), ageCell(r, now)],
  },
  graph: { draw: 'none' },
});
