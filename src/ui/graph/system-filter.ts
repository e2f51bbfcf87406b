/**
 * A kind cluster runs its own pods (etcd, the api-server, kube-proxy, kindnet, CoreDNS, the
 * local-path provisioner) in namespaces a learner rarely looks at. The graph leaves them out
 * until asked (`kubectl get pods` does too, without `-A`), so a fresh cluster's boxes hold the
 * learner's pods, not fifteen of the system's.
 */
import type { KObject } from '../../sim/core/object';
import type { ObjectMap } from '../mirror';

/** Namespaces kind and kubeadm create for the cluster's own components. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

export function isSystemObject(o: KObject): boolean {
  const ns = o.metadata.namespace;
  return ns !== undefined && SYSTEM_NAMESPACES.has(ns);
}

/** The map without system objects, and how many it left out; the map itself when it holds none. */
export function withoutSystem(objects: ObjectMap): { shown: ObjectMap; hidden: number } {
  let hidden = 0;
  for (const o of objects.values()) if (isSystemObject(o)) hidden++;
  if (hidden === 0) return { shown: objects, hidden };
  const shown = new Map<string, KObject>();
  for (const [key, o] of objects) if (!isSystemObject(o)) shown.set(key, o);
  return { shown, hidden };
}
