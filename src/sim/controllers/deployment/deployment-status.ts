/**
 * Deployment status (pkg/controller/deployment/sync.go, progress.go): counts from the
 * ReplicaSets, the Available condition, the Progressing condition with its deadline, the
 * ReplicaFailure condition copied from ReplicaSets, and the paused/resumed conditions.
 */
import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import {
  actualReplicaCount,
  availableReplicaCount,
  deploymentComplete,
  deploymentProgressing,
  deploymentReplicas,
  deploymentTimedOut,
  getCondition,
  maxUnavailable,
  newDeploymentCondition,
  progressDeadlineSeconds,
  readyReplicaCount,
  REASON,
  removeCondition,
  setCondition,
  specReplicaCount,
  type MutableDeploymentStatus,
} from './deployment-util';
import { cleanStatus, type DeploymentSync } from './deployment-sync';
import type { ReplicaSetObject } from '../../kinds/apps/workload-types';
import { sameJson } from '../../core/json-equal';

export function calculateStatus(s: DeploymentSync, allRSs: ReplicaSetObject[], newRS: ReplicaSetObject | undefined): MutableDeploymentStatus {
  const d = s.d;
  const available = availableReplicaCount(allRSs);
  const total = specReplicaCount(allRSs);
  const status: MutableDeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    collisionCount: d.status?.collisionCount,
    conditions: [...(d.status?.conditions ?? [])],
  };
  const now = s.timestamp();
  if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newDeploymentCondition('Available', 'True', REASON.MinimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newDeploymentCondition('Available', 'False', REASON.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** `syncDeploymentStatus`: used by scaling and paused syncs (no progress estimation). */
export function syncDeploymentStatus(s: DeploymentSync, allRSs: ReplicaSetObject[], newRS: ReplicaSetObject | undefined): void {
  const next = calculateStatus(s, allRSs, newRS);
  if (sameStatus(s, next)) return;
  s.d.status = next;
  s.writeDeployment();
}

/** `syncRolloutStatus`: status plus Progressing/ReplicaFailure conditions and the deadline requeue. */
export function syncRolloutStatus(s: DeploymentSync, allRSs: ReplicaSetObject[], newRS: ReplicaSetObject | undefined): void {
  const d = s.d;
  const next = calculateStatus(s, allRSs, newRS);
  const hasDeadline = progressDeadlineSeconds(d) !== undefined;
  if (!hasDeadline) removeCondition(next, 'Progressing');
  const current = getCondition(d.status?.conditions, 'Progressing');
  const isComplete = next.replicas === next.updatedReplicas && current?.reason === REASON.NewRSAvailable;
  const now = s.timestamp();
  if (hasDeadline && !isComplete) {
    if (deploymentComplete(d, next)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(next, newDeploymentCondition('Progressing', 'True', REASON.NewRSAvailable, msg, now));
    } else if (deploymentProgressing(d, next)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      let cond = newDeploymentCondition('Progressing', 'True', REASON.ReplicaSetUpdated, msg, now);
      // Progress refreshes lastUpdateTime even when the reason stays the same.
      if (current) {
        if (current.status === 'True') cond = { ...cond, lastTransitionTime: current.lastTransitionTime };
        removeCondition(next, 'Progressing');
      }
      setCondition(next, cond);
    } else if (deploymentTimedOut(d, next, s.now())) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(next, newDeploymentCondition('Progressing', 'False', REASON.TimedOut, msg, now));
    }
  }
  const failure = replicaFailures(allRSs, newRS);
  if (failure) setCondition(next, failure);
  else removeCondition(next, 'ReplicaFailure');

  if (sameStatus(s, next)) {
    requeueStuckDeployment(s, next);
    return;
  }
  s.d.status = next;
  s.writeDeployment();
}

/** `getReplicaFailures`: the new RS's ReplicaFailure, else the first old one's. */
function replicaFailures(allRSs: ReplicaSetObject[], newRS: ReplicaSetObject | undefined): DeploymentCondition | undefined {
  const fromRS = (rs: ReplicaSetObject | undefined): DeploymentCondition | undefined => {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (!c) return undefined;
    return { type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  };
  const own = fromRS(newRS);
  if (own) return own;
  for (const rs of allRSs) {
    const c = fromRS(rs);
    if (c) return c;
  }
  return undefined;
}

/** `requeueStuckDeployment`: look again just after the progress deadline would pass. */
function requeueStuckDeployment(s: DeploymentSync, next: MutableDeploymentStatus): void {
  const d = s.d;
  const deadline = progressDeadlineSeconds(d);
  const current = getCondition(d.status?.conditions, 'Progressing');
  if (deadline === undefined || !current) return;
  if (deploymentComplete(d, next) || current.reason === REASON.TimedOut) return;
  const after = Date.parse(current.lastUpdateTime!) + deadline * 1000 - s.now();
  s.requeueAfter = after < 1000 ? Math.max(after, 0) + 1 : after + 1000;
}

/** `checkPausedConditions`: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(s: DeploymentSync): void {
  if (progressDeadlineSeconds(s.d) === undefined) return;
  const cond = getCondition(s.d.status?.conditions, 'Progressing');
  if (cond?.reason === REASON.TimedOut) return;
  const pausedCondExists = cond?.reason === REASON.PausedDeploy;
  const paused = !!s.d.spec?.paused;
  if (paused && !pausedCondExists) s.setCondition('Progressing', 'Unknown', REASON.PausedDeploy, 'Deployment is paused');
  else if (!paused && pausedCondExists) s.setCondition('Progressing', 'Unknown', REASON.ResumedDeploy, 'Deployment is resumed');
  else return;
  s.writeDeployment();
}

function sameStatus(s: DeploymentSync, next: MutableDeploymentStatus): boolean {
  return sameJson(cleanStatus(s.status()), cleanStatus(next));
}
