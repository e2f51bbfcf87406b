/**
 * core/v1 Namespace: `status.phase Active`, `spec.finalizers [kubernetes]`, the name label; a
 * delete marks it Terminating, and it stays until the namespace controller has emptied it and
 * cleared spec.finalizers through the finalize subresource.
 */
import type { KindStrategy } from '../strategy';
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const namespaceStrategy: KindStrategy<Namespace & KObject> = {
  hasStatus: true,
  default(o) {
    // Set on create and update alike, so the label always tells the true name.
    if (o.metadata.name) o.metadata.labels = { ...(o.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: o.metadata.name };
  },
  prepareCreate(o) {
    o.spec = { finalizers: ['kubernetes'] };
    o.status = { phase: 'Active' };
  },
  holdsDeletion: (o) => (o.spec?.finalizers ?? []).length > 0,
  prepareUpdate(o, old) {
    // spec.finalizers change only through the finalize subresource.
    if (old.spec) (o.spec ??= {}).finalizers = old.spec.finalizers;
  },
  markDeleting(old, ctx) {
    // A second delete changes nothing while spec.finalizers remain (the namespace REST's Delete).
    if (old.metadata.deletionTimestamp) return old;
    return {
      ...old,
      metadata: { ...old.metadata, deletionTimestamp: ctx.clock.timestamp() },
      spec: { finalizers: ['kubernetes'] },
      status: { ...old.status, phase: 'Terminating' },
    };
  },
};

export const namespaceKind = defineKind<Namespace>({
  group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false,
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  strategy: namespaceStrategy,
  printer: {
    columns: [NAME, { name: 'Status' }, AGE],
    cells: (n, { now }) => [nameCell(n), n.status?.phase ?? '', ageCell(n, now)],
  },
  graph: { draw: 'none' },
});
