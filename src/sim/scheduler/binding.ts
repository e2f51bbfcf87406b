/**
 * The api-server half of `POST pods/<name>/binding` (BindingREST): sets spec.nodeName and the
 * PodScheduled=True condition in one write, refusing pods that are deleting or already bound.
 * It lives with the scheduler because the scheduler is its only caller; it writes through the
 * api's store exactly as the real binding subresource does (spec.nodeName is otherwise immutable).
 */
import type { ApiServer } from '../api/apiserver';
import { statusError } from '../api/errors';
import type { KObject } from '../core/object';

interface PodCondition {
  type: string;
  status: string;
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export function bindPod(api: ApiServer, namespace: string, name: string, nodeName: string): KObject {
  const pod = api.get('pods', namespace, name);
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  if (pod.metadata.deletionTimestamp) {
    throw statusError('Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`);
  }
  if (spec.nodeName) {
    throw statusError('Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${spec.nodeName}"`);
  }
  const status = { ...((pod.status ?? {}) as { conditions?: PodCondition[] }) };
  status.conditions = setCondition(status.conditions ?? [], { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: api.clock.timestamp() });
  return api.store.update('pods', { ...pod, spec: { ...(pod.spec as object), nodeName }, status });
}

/** Replaces the condition of the same type, keeping lastTransitionTime when status is unchanged. */
export function setCondition(conditions: PodCondition[], next: PodCondition): PodCondition[] {
  const i = conditions.findIndex((c) => c.type === next.type);
  if (i < 0) return [...conditions, next];
  const old = conditions[i];
  if (old.status === next.status && old.reason === next.reason && old.message === next.message) return conditions;
  const merged = { ...next, lastTransitionTime: old.status === next.status ? old.lastTransitionTime : next.lastTransitionTime };
  return conditions.map((c, j) => (j === i ? merged : c));
}

export type { PodCondition };
