/**
 * `manage` and `podsShouldBeOnNode` (pkg/controller/daemon): which nodes need a daemon pod and
 * which pods must go — failed pods (with a per-node back-off), succeeded ones, duplicates, and
 * every pod on a node the DaemonSet no longer tolerates or selects.
 */
import type { PodObject } from '../../kinds/apps/workload-types';
import { isPodAvailable } from '../pod-util';
import { REVISION_HASH_LABEL, type DaemonSetObject, type NodeVerdict } from './node-eligibility';
import { rolloutBudget } from './rolling-update';
import { byCreation } from './status';

/** failedPodsBackoff: 1 s doubling to 15 min, per DaemonSet and node. */
const FAILED_BACKOFF_MS = 1000;
const FAILED_BACKOFF_MAX_MS = 15 * 60 * 1000;

export class FailedPodBackoff {
  private readonly entries = new Map<string, { delay: number; until: number }>();

  /** How long the node's back-off still runs (0: kill the failed pod now, and back off longer). */
  wait(ds: DaemonSetObject, node: string, now: number): number {
    const key = `${ds.metadata.uid}/${node}`;
    const entry = this.entries.get(key);
    if (entry && now < entry.until) return entry.until - now;
    const delay = entry ? Math.min(entry.delay * 2, FAILED_BACKOFF_MAX_MS) : FAILED_BACKOFF_MS;
    this.entries.set(key, { delay, until: now + delay });
    return 0;
  }
}

export interface NodePlan {
  /** Nodes to create a daemon pod on. */
  create: string[];
  /** Pods to delete. */
  remove: PodObject[];
  /** Failed pods among `remove` (a FailedDaemonPod event each). */
  failed: PodObject[];
  /** When a back-off ends, to look again. */
  retry?: number;
}

export function planNodes(ds: DaemonSetObject, names: readonly string[], verdicts: ReadonlyMap<string, NodeVerdict>, pods: ReadonlyMap<string, PodObject[]>, hash: string, now: number, backoff: FailedPodBackoff): NodePlan {
  const plan: NodePlan = { create: [], remove: [], failed: [] };
  for (const name of names) {
    const verdict = verdicts.get(name);
    if (!verdict) continue;
    const { shouldRun, shouldContinueRunning } = verdict;
    const here = pods.get(name) ?? [];
    if (shouldRun && here.length === 0) {
      plan.create.push(name);
    } else if (shouldContinueRunning) {
      const running: PodObject[] = [];
      for (const pod of here) {
        if (pod.metadata.deletionTimestamp) continue;
        const phase = pod.status?.phase;
        if (phase === 'Failed') {
          const wait = backoff.wait(ds, name, now);
          if (wait > 0) {
            plan.retry = Math.min(plan.retry ?? Infinity, wait);
            continue;
          }
          plan.failed.push(pod);
          plan.remove.push(pod);
        } else if (phase === 'Succeeded') {
          plan.remove.push(pod);
        } else {
          running.push(pod);
        }
      }
      if (running.length > 1) plan.remove.push(...extraPods(ds, running, hash, now));
    } else if (here.length > 0) {
      for (const pod of here) if (!pod.metadata.deletionTimestamp) plan.remove.push(pod);
    }
  }
  return plan;
}

/**
 * More than one running pod on a node. Without surge all but the oldest go; with surge the
 * oldest new and oldest old stay (the old one goes once the new one is available).
 */
function extraPods(ds: DaemonSetObject, running: PodObject[], hash: string, now: number): PodObject[] {
  const sorted = running.sort(byCreation);
  if (rolloutBudget(ds, 1).maxSurge === 0 || ds.spec?.updateStrategy?.type !== 'RollingUpdate') return sorted.slice(1);
  const extra: PodObject[] = [];
  let oldestNew: PodObject | undefined;
  let oldestOld: PodObject | undefined;
  for (const pod of sorted) {
    const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else extra.push(pod);
  }
  if (oldestNew && oldestOld && isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now)) extra.push(oldestOld);
  return extra;
}
