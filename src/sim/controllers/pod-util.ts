/**
 * Pod predicates the controllers share (k8s.io/kubernetes/pkg/api/v1/pod and
 * pkg/controller): active, ready, available after minReadySeconds.
 */
import type { PodCondition } from 'kubernetes-types/core/v1';
import type { PodObject } from '../kinds/apps/workload-types';

/** Not terminal and not being deleted (`controller.IsPodActive`). */
export function isPodActive(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isPodTerminal(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function podReadyCondition(pod: PodObject): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: PodObject): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** When the pod last became Ready (ms), or undefined if it is not ready or the time is unset. */
export function podReadySince(pod: PodObject): number | undefined {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
  const t = Date.parse(c.lastTransitionTime);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The instant a ready pod counts as available: Kubernetes requires
 * `lastTransitionTime + minReadySeconds` to be strictly before now, hence the extra millisecond.
 */
export function podAvailableAt(pod: PodObject, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  if (minReadySeconds <= 0) return -Infinity;
  const since = podReadySince(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

export function isPodAvailable(pod: PodObject, minReadySeconds: number, now: number): boolean {
  const at = podAvailableAt(pod, minReadySeconds);
  return at !== undefined && at <= now;
}
