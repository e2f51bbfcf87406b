/**
 * ResourceLists (`{cpu: 500m, memory: 128Mi}`) as exact quantities, and the pod totals
 * LimitRanger and quota reckon with (component-helpers' PodRequests/PodLimits: containers
 * summed, sidecars added, the largest init container as a floor).
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { quantityString, tryParseQuantity, type Quantity } from './quantity';

export type ResourceList = Map<string, Quantity>;

/** A spec's list, unparseable entries left out (validation has refused those). */
export function parseList(list: Record<string, string | number> | undefined | null): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = tryParseQuantity(v);
    if (q) out.set(k, q);
  }
  return out;
}

/**
 * A stored list as the api-server writes it back: each quantity in canonical form (`0.5` →
 * `500m`, `10` → `"10"`), as a decoded Quantity marshals. Unparseable values are left for
 * validation to refuse.
 */
export function canonicalList<T extends Record<string, unknown> | undefined>(list: T): T {
  if (!list) return list;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(list)) {
    const q = typeof v === 'string' || typeof v === 'number' ? tryParseQuantity(v) : undefined;
    out[k] = q ? quantityString(q) : v;
  }
  return out as T;
}

/** a += b; a sum keeps the format of its first non-zero term, as Quantity.Add does. */
export function addInto(a: ResourceList, b: ResourceList): void {
  for (const [k, q] of b) {
    const cur = a.get(k);
    a.set(k, cur ? { nanos: cur.nanos + q.nanos, format: cur.nanos === 0n ? q.format : cur.format } : { ...q });
  }
}

function maxInto(a: ResourceList, b: ResourceList): void {
  for (const [k, q] of b) {
    const cur = a.get(k);
    if (!cur || q.nanos > cur.nanos) a.set(k, { ...q });
  }
}

type Field = 'requests' | 'limits';

function containerList(c: Container, field: Field): ResourceList {
  return parseList(c.resources?.[field] as Record<string, string> | undefined);
}

/** PodRequests / PodLimits over the spec (no pod-level resources, no status). */
export function podTotal(spec: PodSpec | undefined, field: Field): ResourceList {
  const total: ResourceList = new Map();
  for (const c of spec?.containers ?? []) addInto(total, containerList(c, field));
  const sidecars: ResourceList = new Map();
  const inits: ResourceList = new Map();
  for (const c of spec?.initContainers ?? []) {
    const own = containerList(c, field);
    if (c.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(inits, sidecars);
    } else {
      const withSidecars: ResourceList = new Map();
      addInto(withSidecars, own);
      addInto(withSidecars, sidecars);
      maxInto(inits, withSidecars);
    }
  }
  maxInto(total, inits);
  return total;
}
