/** The QoS class the pod strategy records in a new pod's status. */
import { tryParseQuantity } from '../../quantity';
import { objects, obj, type J } from './util';

const QOS_RESOURCES = ['cpu', 'memory'];

/** GetPodQOS: BestEffort, Guaranteed or Burstable (init containers included). */
export function qosClass(spec: J): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const c of [...objects(spec.initContainers), ...objects(spec.containers)]) {
    const res = obj(c.resources);
    for (const [name, q] of Object.entries(obj(res?.requests) ?? {})) {
      const v = amount(q);
      if (QOS_RESOURCES.includes(name) && v !== 0n) requests.set(name, (requests.get(name) ?? 0n) + v);
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries(obj(res?.limits) ?? {})) {
      const v = amount(q);
      if (QOS_RESOURCES.includes(name) && v !== 0n) {
        limits.set(name, (limits.get(name) ?? 0n) + v);
        found.add(name);
      }
    }
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

function amount(q: unknown): bigint {
  if (typeof q !== 'string' && typeof q !== 'number') return 0n;
  return tryParseQuantity(q)?.nanos ?? 0n;
}
