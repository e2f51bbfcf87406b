/**
 * A pod's QoS class (pkg/apis/core/helper/qos ComputePodQOS): sum each container's positive
 * cpu and memory requests and limits (init containers included); none at all ⇒ BestEffort;
 * every container limiting both, and the summed requests equal to the summed limits as
 * quantities (`1` = `1000m`) ⇒ Guaranteed; anything else ⇒ Burstable. The api-server records it
 * in `status.qosClass` on create; the kubelet and `kubectl describe` fall back to it.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import { isPlainObject } from '../../core/object';
import { tryParseQuantity } from '../../core/quantity';

export type QOSClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

const QOS_RESOURCES = ['cpu', 'memory'];

/** Reads `spec` defensively: admission runs before validation, so fields may be any JSON. */
export function qosClass(spec: PodSpec | Record<string, unknown> | undefined): QOSClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const s = (spec ?? {}) as Record<string, unknown>;
  for (const c of [...objects(s.initContainers), ...objects(s.containers)]) {
    const resources = isPlainObject(c.resources) ? c.resources : {};
    addPositive(requests, resources.requests);
    const found = addPositive(limits, resources.limits);
    if (!QOS_RESOURCES.every((r) => found.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Adds the positive cpu/memory amounts of `list` to `sums`; returns the names it added. */
function addPositive(sums: Map<string, bigint>, list: unknown): Set<string> {
  const found = new Set<string>();
  if (!isPlainObject(list)) return found;
  for (const [name, q] of Object.entries(list)) {
    const v = amount(q);
    if (!QOS_RESOURCES.includes(name) || v <= 0n) continue;
    sums.set(name, (sums.get(name) ?? 0n) + v);
    found.add(name);
  }
  return found;
}

function objects(v: unknown): Array<Record<string, unknown>> {
  return Array.isArray(v) ? v.filter(isPlainObject) : [];
}

function amount(q: unknown): bigint {
  if (typeof q !== 'string' && typeof q !== 'number') return 0n;
  return tryParseQuantity(q)?.nanos ?? 0n;
}
