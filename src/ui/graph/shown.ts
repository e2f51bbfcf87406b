/**
 * What the graph draws: the learner's objects. kind's own system in `kube-system` (static pods,
 * kindnet and kube-proxy on every node, add-ons) is `kubectl get pods -n kube-system`'s to show;
 * drawn, it would crowd every node box with pods the learner did not make.
 */
import type { ObjectMap } from '../mirror';

export const HIDDEN_NAMESPACES: ReadonlySet<string> = new Set(['kube-system']);

/** The same map when nothing in it is hidden; else a filtered one, the same for the same map. */
const filtered = new WeakMap<ObjectMap, ObjectMap>();

export function shownObjects(map: ObjectMap): ObjectMap {
  const known = filtered.get(map);
  if (known) return known;
  let out: ObjectMap = map;
  for (const o of map.values()) {
    if (!HIDDEN_NAMESPACES.has(o.metadata.namespace ?? '')) continue;
    out = new Map([...map].filter(([, obj]) => !HIDDEN_NAMESPACES.has(obj.metadata.namespace ?? '')));
    break;
  }
  filtered.set(map, out);
  return out;
}
