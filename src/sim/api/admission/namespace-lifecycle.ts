/**
 * NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle): nothing is created in a
 * namespace that does not exist or is being terminated.
 */
import type { Store } from '../../core/store';
import { forbidden, notFound } from '../errors';
import type { AdmissionPlugin } from './plugin';

export function namespaceLifecycle(store: Store): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    validate({ resource: t, object }) {
      if (!t.namespaced) return;
      const namespace = object.metadata.namespace!;
      const ns = store.get('namespaces', undefined, namespace);
      if (!ns) throw notFound('namespaces', '', namespace);
      if (ns.metadata.deletionTimestamp) {
        throw forbidden(t.plural, t.group, object.metadata.name!, `unable to create new content in namespace ${namespace} because it is being terminated`);
      }
    },
  };
}
