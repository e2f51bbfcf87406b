/**
 * ResourceLists (`{cpu: 500m, memory: 128Mi}`) as exact quantities, and the pod totals
 * LimitRanger and quota reckon with (component-helpers' PodRequests/PodLimits: containers
 * summed, sidecars added, the largest init container as a floor).
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { tryParseQuantity, type Quantity } from './quantity';

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
