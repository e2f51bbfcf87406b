/**
 * core/v1 Namespace: `status.phase Active`, `spec.finalizers [kubernetes]`, the name label; a
 * delete marks it Terminating (the namespace controller empties and removes it).
 */
import type { KindStrategy } from './strategy';
import { child, obj, type J } from './util';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const namespaceStrategy: KindStrategy = {
  hasStatus: true,
  default(o) {
    // Set on create and update alike, so the label always tells the true name.
    if (o.metadata.name) o.metadata.labels = { ...(o.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: o.metadata.name };
  },
  prepareCreate(o) {
    o.spec = { finalizers: ['kubernetes'] };
    o.status = { phase: 'Active' };
  },
  prepareUpdate(o, old) {
    // spec.finalizers change only through the finalize subresource.
    const before = obj(old.spec);
    if (before) child(o as J, 'spec').finalizers = before.finalizers;
  },
  markDeleting(old, ctx) {
    if (old.metadata.deletionTimestamp) return old;
    return {
      ...old,
      metadata: { ...old.metadata, deletionTimestamp: ctx.clock.timestamp() },
      spec: { finalizers: ['kubernetes'] },
      status: { ...(old.status as object), phase: 'Terminating' },
    };
  },
};
