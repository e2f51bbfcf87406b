/**
 * The rollout strategies (rolling.go, recreate.go) and proportional scaling (sync.go `scale`),
 * step for step as the real controller: each sync makes at most one kind of move and lets
 * the resulting watch events drive the next one.
 */
import {
  activeReplicaSets,
  actualReplicaCount,
  availableReplicaCount,
  byCreationTimestamp,
  bySizeNewer,
  bySizeOlder,
  deploymentComplete,
  deploymentReplicas,
  desiredReplicasAnnotation,
  findActiveOrLatest,
  isRollingUpdate,
  isSaturated,
  maxSurge,
  maxUnavailable,
  proportion,
  rsReplicas,
  specReplicaCount,
} from './deployment-util';
import { newRSNewReplicas, type DeploymentSync } from './deployment-sync';
import { syncDeploymentStatus, syncRolloutStatus } from './deployment-status';
import { isPodTerminal } from '../pod-util';
import type { ReplicaSetObject } from '../../kinds/apps/workload-types';

export function rolloutRolling(s: DeploymentSync): void {
  const { newRS: created, oldRSs } = s.getAllReplicaSetsAndSyncRevision(true);
  let newRS = created!;
  const allRSs = () => [...oldRSs, newRS];

  // Scale up the new ReplicaSet, if we can.
  const up = reconcileNewReplicaSet(s, allRSs(), newRS);
  newRS = up.rs;
  if (up.scaled) return syncRolloutStatus(s, allRSs(), newRS);

  // Scale down old ReplicaSets, if we can.
  if (reconcileOldReplicaSets(s, allRSs(), activeReplicaSets(oldRSs), newRS, oldRSs)) return syncRolloutStatus(s, allRSs(), newRS);

  if (deploymentComplete(s.d, s.status())) s.cleanupDeployment(oldRSs);
  syncRolloutStatus(s, allRSs(), newRS);
}

function reconcileNewReplicaSet(s: DeploymentSync, allRSs: ReplicaSetObject[], newRS: ReplicaSetObject): { scaled: boolean; rs: ReplicaSetObject } {
  const replicas = deploymentReplicas(s.d);
  if (rsReplicas(newRS) === replicas) return { scaled: false, rs: newRS };
  if (rsReplicas(newRS) > replicas) return s.scaleAndRecord(newRS, replicas);
  return s.scaleAndRecord(newRS, newRSNewReplicas(s.d, allRSs, newRS));
}

/** Returns whether any old ReplicaSet was scaled down; updates `everyOld` in place. */
function reconcileOldReplicaSets(s: DeploymentSync, allRSs: ReplicaSetObject[], activeOld: ReplicaSetObject[], newRS: ReplicaSetObject, everyOld: ReplicaSetObject[]): boolean {
  if (specReplicaCount(activeOld) === 0) return false;
  const minAvailable = deploymentReplicas(s.d) - maxUnavailable(s.d);
  const newUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicaCount(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;

  const replace = (rs: ReplicaSetObject) => {
    const i = everyOld.findIndex((x) => x.metadata.uid === rs.metadata.uid);
    if (i >= 0) everyOld[i] = rs;
  };
  // First, unhealthy (unavailable) replicas of old ReplicaSets, oldest first.
  const olds = [...activeOld].sort(byCreationTimestamp);
  let cleaned = 0;
  for (let i = 0; i < olds.length; i++) {
    if (cleaned >= maxScaledDown) break;
    const rs = olds[i];
    const unavailable = rsReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (rsReplicas(rs) === 0 || unavailable <= 0) continue;
    const n = Math.min(maxScaledDown - cleaned, unavailable);
    olds[i] = s.scaleAndRecord(rs, rsReplicas(rs) - n).rs;
    replace(olds[i]);
    cleaned += n;
  }

  // Then, while more than minAvailable pods are available, scale old ReplicaSets down.
  let scaledDown = 0;
  const available = availableReplicaCount([...olds, newRS]);
  if (available > minAvailable) {
    const total = available - minAvailable;
    for (const rs of [...olds].sort(byCreationTimestamp)) {
      if (scaledDown >= total) break;
      if (rsReplicas(rs) === 0) continue;
      const n = Math.min(rsReplicas(rs), total - scaledDown);
      replace(s.scaleAndRecord(rs, rsReplicas(rs) - n).rs);
      scaledDown += n;
    }
  }
  return cleaned + scaledDown > 0;
}

export function rolloutRecreate(s: DeploymentSync): void {
  let { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(false);
  const allRSs = () => [...oldRSs, ...(newRS ? [newRS] : [])];

  let scaledDown = false;
  oldRSs = oldRSs.map((rs) => {
    if (rsReplicas(rs) === 0) return rs;
    const r = s.scaleAndRecord(rs, 0);
    scaledDown ||= r.scaled;
    return r.rs;
  });
  if (scaledDown) return syncRolloutStatus(s, allRSs(), newRS);

  // Wait until no pod of an old ReplicaSet is running (terminating pods count).
  if (oldPodsRunning(s, newRS, oldRSs)) return syncRolloutStatus(s, allRSs(), newRS);

  if (!newRS) ({ newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(true));
  newRS = s.scaleAndRecord(newRS!, deploymentReplicas(s.d)).rs;
  if (deploymentComplete(s.d, s.status())) s.cleanupDeployment(oldRSs);
  syncRolloutStatus(s, allRSs(), newRS);
}

function oldPodsRunning(s: DeploymentSync, newRS: ReplicaSetObject | undefined, oldRSs: ReplicaSetObject[]): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const rs of oldRSs) {
    if (rs.metadata.uid === newRS?.metadata.uid) continue;
    if (s.podsOf(rs.metadata.uid!).some((p) => !isPodTerminal(p))) return true;
  }
  return false;
}

/** `isScalingEvent`: an active ReplicaSet was sized for a different replica count. */
export function isScalingEvent(s: DeploymentSync): boolean {
  const { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== deploymentReplicas(s.d)) return true;
  }
  return false;
}

/** `sync`: scaling events and paused deployments; no rollout moves. */
export function syncScaleOrPaused(s: DeploymentSync): void {
  const { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(false);
  const scaled = scale(s, newRS, oldRSs);
  const olds = oldRSs.map((rs) => scaled.get(rs.metadata.uid!) ?? rs);
  const current = newRS ? (scaled.get(newRS.metadata.uid!) ?? newRS) : undefined;
  if (s.d.spec?.paused) s.cleanupDeployment(olds);
  syncDeploymentStatus(s, [...olds, ...(current ? [current] : [])], current);
}

/** `scale`: proportional scaling across active ReplicaSets. Returns the updated ones by UID. */
function scale(s: DeploymentSync, newRS: ReplicaSetObject | undefined, oldRSs: ReplicaSetObject[]): Map<string, ReplicaSetObject> {
  const out = new Map<string, ReplicaSetObject>();
  const d = s.d;
  const replicas = deploymentReplicas(d);
  const only = findActiveOrLatest(newRS, oldRSs);
  if (only) {
    if (rsReplicas(only) !== replicas) out.set(only.metadata.uid!, s.scaleAndRecord(only, replicas).rs);
    return out;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) out.set(old.metadata.uid!, s.scaleAndRecord(old, 0).rs);
    return out;
  }
  if (!isRollingUpdate(d)) return out;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - specReplicaCount(all);
  let operation = '';
  if (toAdd > 0) {
    all.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    all.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = proportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.uid!, rsReplicas(rs) + p);
      added += p;
    } else {
      sizes.set(rs.metadata.uid!, rsReplicas(rs));
    }
  }
  all.forEach((rs, i) => {
    // Leftovers go to the largest ReplicaSet.
    if (i === 0 && toAdd !== 0) sizes.set(rs.metadata.uid!, Math.max(0, sizes.get(rs.metadata.uid!)! + toAdd - added));
    out.set(rs.metadata.uid!, s.scaleReplicaSet(rs, sizes.get(rs.metadata.uid!)!, operation).rs);
  });
  return out;
}
