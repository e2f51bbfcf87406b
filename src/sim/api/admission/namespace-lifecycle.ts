/**
 * NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle): nothing is created in a
 * namespace that does not exist or is being terminated, and the immortal namespaces are never
 * deleted.
 */
import type { Store } from '../../core/store';
import { forbidden, notFound } from '../errors';
import type { AdmissionPlugin } from './plugin';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

export function namespaceLifecycle(store: Store): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    validateDelete(t, _namespace, name) {
      if (t.plural === 'namespaces' && IMMORTAL.has(name)) throw forbidden('namespaces', '', name, 'this namespace may not be deleted');
    },
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
