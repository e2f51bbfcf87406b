/**
 * `updateDaemonSetStatus` (pkg/controller/daemon): per node that should run the daemon, is one
 * scheduled there, ready, available, of the current revision; and daemon pods on nodes that
 * should not have one (misscheduled). Written only when it changes.
 */
import type { DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { PodObject } from '../../kinds/apps/workload-types';
import { templateGeneration } from '../../kinds/apps/daemonset';
import { isPodAvailable, isPodReady } from '../pod-util';
import type { DaemonSetObject, NodeVerdict } from './node-eligibility';
import { isPodUpdated } from './rolling-update';

type Status = { -readonly [K in keyof DaemonSetStatus]: DaemonSetStatus[K] };

/** `podByCreationTimestampAndPhase`: scheduled first, then oldest, then by name. */
export function byCreation(a: PodObject, b: PodObject): number {
  const sa = a.spec?.nodeName ? 0 : 1;
  const sb = b.spec?.nodeName ? 0 : 1;
  if (sa !== sb) return sa - sb;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

export function computeStatus(ds: DaemonSetObject, names: readonly string[], verdicts: ReadonlyMap<string, NodeVerdict>, pods: ReadonlyMap<string, PodObject[]>, hash: string, now: number): Status {
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  for (const name of names) {
    const shouldRun = verdicts.get(name)?.shouldRun ?? false;
    const here = pods.get(name) ?? [];
    if (!shouldRun) {
      if (here.length) misscheduled++;
      continue;
    }
    desired++;
    if (!here.length) continue;
    current++;
    const pod = here.length === 1 ? here[0] : [...here].sort(byCreation)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  return daemonSetStatus({
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
    collisionCount: ds.status?.collisionCount,
    conditions: ds.status?.conditions,
  });
}

/** Go's field order and omitempty: the four counts always, the rest when set. */
export function daemonSetStatus(s: Partial<DaemonSetStatus>): Status {
  const out: Status = {
    currentNumberScheduled: s.currentNumberScheduled ?? 0,
    numberMisscheduled: s.numberMisscheduled ?? 0,
    desiredNumberScheduled: s.desiredNumberScheduled ?? 0,
    numberReady: s.numberReady ?? 0,
  };
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.updatedNumberScheduled) out.updatedNumberScheduled = s.updatedNumberScheduled;
  if (s.numberAvailable) out.numberAvailable = s.numberAvailable;
  if (s.numberUnavailable) out.numberUnavailable = s.numberUnavailable;
  if (s.collisionCount) out.collisionCount = s.collisionCount;
  if (s.conditions?.length) out.conditions = s.conditions;
  return out;
}
