/**
 * Object keys as client-go's cache builds them (MetaNamespaceKeyFunc / SplitMetaNamespaceKey):
 * `namespace/name` for namespaced objects, `name` for cluster-scoped ones. The store, informers,
 * work queues and the scheduler all speak this one format.
 */
import type { KObject } from './object';

export function joinKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function keyOf(obj: KObject): string {
  return joinKey(obj.metadata.namespace, obj.metadata.name!);
}

/** `ns/name` → [ns, name]; `name` → [undefined, name]. */
export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
