/**
 * One pass of `updateStatefulSet` (pkg/controller/statefulset/stateful_set_control.go): pods
 * for ordinals [start, start+replicas) are created (claims first), failed ones replaced, the
 * ordinals beyond removed highest first, and a RollingUpdate deletes outdated pods from the
 * highest ordinal down to `partition`. OrderedReady stops at the first pod that is missing,
 * terminating or not yet Running, Ready and available; Parallel goes on.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { PodObject } from '../../kinds/apps/workload-types';
import { isPodAvailable, isPodReady, podAvailableAt } from '../pod-util';
import { REVISION_HASH_LABEL, type StatefulSetObject } from './identity';

export interface SetOps {
  /** Creates the pod of `ordinal` (its claims first) from that revision; false when it failed. */
  create(ordinal: number, revision: string, template: PodTemplateSpec): boolean;
  /** `createMissingPersistentVolumeClaims` for a pod that exists but is still Pending. */
  ensureClaims(pod: PodObject, ordinal: number): void;
  /** Deletes a pod; `scaledDown` when it is condemned (the whenScaled claim policy applies). */
  remove(pod: PodObject, scaledDown: boolean): void;
}

export interface RevisionRef {
  name: string;
  template: PodTemplateSpec;
}

export function podRevision(pod: PodObject): string {
  return pod.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
}

const isCreated = (p: PodObject) => !!p.status?.phase;
const isFailed = (p: PodObject) => p.status?.phase === 'Failed';
const isSucceeded = (p: PodObject) => p.status?.phase === 'Succeeded';
const isTerminating = (p: PodObject) => !!p.metadata.deletionTimestamp;
export const isRunningAndReady = (p: PodObject) => p.status?.phase === 'Running' && isPodReady(p);

/**
 * Runs one pass over `pods` (the set's, by ordinal). Returns the delay after which a pod
 * becomes available (minReadySeconds), when the pass waited on it.
 */
export function updateStatefulSet(set: StatefulSetObject, pods: Map<number, PodObject>, condemned: PodObject[], current: RevisionRef, update: RevisionRef, ops: SetOps, now: number): number | undefined {
  const start = set.spec?.ordinals?.start ?? 0;
  const replicas = set.spec?.replicas ?? 1;
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const minReady = set.spec?.minReadySeconds ?? 0;
  const rolling = set.spec?.updateStrategy?.type !== 'OnDelete';
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  let wait: number | undefined;
  const waitAvailable = (p: PodObject) => {
    const at = podAvailableAt(p, minReady);
    if (at !== undefined && at > now) wait = Math.min(wait ?? Infinity, at - now);
  };
  // newVersionedStatefulSetPod: below the partition a pod keeps the current revision.
  const versionFor = (ord: number): RevisionRef => (rolling && ord - start < partition ? current : update);

  // Failed or succeeded pods are deleted, then recreated on the next pass.
  for (let ord = start; ord < start + replicas; ord++) {
    const pod = pods.get(ord);
    if (pod && (isFailed(pod) || isSucceeded(pod)) && !isTerminating(pod)) {
      ops.remove(pod, false);
      pods.delete(ord);
      if (monotonic) return wait;
    }
  }
  for (let ord = start; ord < start + replicas; ord++) {
    const pod = pods.get(ord);
    if (!pod) {
      const v = versionFor(ord);
      const ok = ops.create(ord, v.name, v.template);
      if (monotonic || !ok) return wait;
      continue;
    }
    if (isFailed(pod) || isSucceeded(pod)) continue;
    if (pod.status?.phase === 'Pending' && !isTerminating(pod)) ops.ensureClaims(pod, ord);
    if (isTerminating(pod)) {
      if (monotonic) return wait;
      continue;
    }
    if (!isRunningAndReady(pod) || !isPodAvailable(pod, minReady, now)) {
      waitAvailable(pod);
      if (monotonic) return wait;
    }
  }
  // Condemned pods go highest ordinal first; OrderedReady one at a time, each fully gone, and an
  // unhealthy one only when it is the first unhealthy pod (replicas ascending, then condemned
  // descending, as processCondemned sees them).
  const doomed = [...condemned].sort((a, b) => ordinalDesc(a, b));
  const inRange = [...pods.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  const firstUnhealthy = [...inRange, ...doomed].find((p) => !isRunningAndReady(p) || isTerminating(p));
  for (const pod of doomed) {
    if (isTerminating(pod)) {
      if (monotonic) return wait;
      continue;
    }
    if (monotonic && !isRunningAndReady(pod) && pod !== firstUnhealthy) return wait;
    ops.remove(pod, true);
    if (monotonic) return wait;
  }
  if (!rolling) return wait;
  // RollingUpdate: from the highest ordinal down to the partition, one outdated pod at a time.
  for (let ord = start + replicas - 1; ord >= start + partition; ord--) {
    const pod = pods.get(ord);
    if (!pod) return wait;
    if (podRevision(pod) !== update.name && !isTerminating(pod)) {
      ops.remove(pod, false);
      return wait;
    }
    // isHealthy: Running, Ready and not terminating.
    if (!isRunningAndReady(pod) || isTerminating(pod)) return wait;
  }
  return wait;
}

function ordinalDesc(a: PodObject, b: PodObject): number {
  const n = (p: PodObject) => Number((p.metadata.labels?.['apps.kubernetes.io/pod-index'] ?? p.metadata.name?.split('-').pop()) || 0);
  return n(b) - n(a);
}

/** The status the pods give (`computeReplicaStatus` and `completeRollingUpdate`). */
export function computeStatus(set: StatefulSetObject, all: PodObject[], currentRevision: string, updateRevision: string, collisionCount: number | undefined, now: number): Record<string, unknown> {
  const minReady = set.spec?.minReadySeconds ?? 0;
  let replicas = 0, ready = 0, available = 0, currentReplicas = 0, updated = 0;
  for (const p of all) {
    if (isCreated(p)) replicas++;
    if (isRunningAndReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
    if (isCreated(p) && !isTerminating(p)) {
      if (podRevision(p) === currentRevision) currentReplicas++;
      if (podRevision(p) === updateRevision) updated++;
    }
  }
  let current = currentRevision;
  // completeRollingUpdate (RollingUpdate only: with OnDelete the current revision stays).
  if (set.spec?.updateStrategy?.type !== 'OnDelete' && updated === replicas && ready === replicas) {
    currentReplicas = updated;
    current = updateRevision;
  }
  const status: Record<string, unknown> = {
    observedGeneration: set.metadata.generation,
    replicas,
    readyReplicas: ready,
    currentReplicas,
    updatedReplicas: updated,
    currentRevision: current,
    updateRevision,
    collisionCount: collisionCount ?? 0,
    availableReplicas: available,
  };
  // readyReplicas, currentReplicas and updatedReplicas are omitempty.
  for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (status[k] === 0) delete status[k];
  return status;
}
