/**
 * Watch-fed caches of what lesson checks read, like a controller's informers: the host keeps one
 * per cluster and evaluates checks against it after every batch of changes. A list from the
 * server copies and sorts every object (tens of ms at 10,000 pods); a check only needs to scan.
 */
import type { KubeClient } from '../kubectl/client';
import { matchFields, parseFieldSelector } from '../sim/api/fields';
import { matchSelector, parseSelector } from '../sim/core/labels';
import type { KObject } from '../sim/core/object';
import type { CheckSource } from './evaluate';

/** Reads through `client`, lists from caches made on first use (in no particular order). */
export function cachedReads(client: KubeClient): CheckSource {
  const caches = new Map<string, Map<string, KObject>>();
  const cacheOf = (resource: string): Map<string, KObject> => {
    let cache = caches.get(resource);
    if (cache) return cache;
    const objects = new Map<string, KObject>();
    for (const obj of client.list(resource)) objects.set(keyOf(obj), obj);
    client.watch(resource, {}, (e) => {
      if (e.type === 'DELETED') objects.delete(keyOf(e.object));
      else objects.set(keyOf(e.object), e.object);
    });
    caches.set(resource, objects);
    return objects;
  };
  return {
    discovery: client.discovery,
    get: (resource, namespace, name) => client.get(resource, namespace, name),
    list(resource, namespace, opts = {}) {
      const objects = cacheOf(resource);
      const labels = opts.labelSelector ? parseSelector(opts.labelSelector) : undefined;
      const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined;
      const out: KObject[] = [];
      for (const o of objects.values()) {
        if (namespace !== undefined && o.metadata.namespace !== namespace) continue;
        if (labels && !matchSelector(labels, o.metadata.labels ?? {})) continue;
        if (fields && !matchFields(fields, o)) continue;
        out.push(o);
      }
      return out;
    },
  };
}

function keyOf(obj: KObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}
