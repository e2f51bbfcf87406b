/**
 * RollingUpdate (pkg/controller/daemon/update.go, `rollingUpdate`). Without surge: per node,
 * an old pod is deleted (the manage loop then creates the new one) while at most
 * `maxUnavailable` nodes lack an available daemon pod; old pods not available anyway are always
 * replaced. With maxSurge: a new pod starts beside the old one on at most `maxSurge` nodes at a
 * time, and the old one goes once the new one is available. Nodes are walked in name order
 * (Go walks a map).
 */
import type { PodObject } from '../../kinds/apps/workload-types';
import { templateGeneration } from '../../kinds/apps/daemonset';
import { isPodAvailable } from '../pod-util';
import { REVISION_HASH_LABEL, TEMPLATE_GENERATION_LABEL, type DaemonSetObject } from './node-eligibility';

/** `util.IsPodUpdated`: the pod carries the current hash (or, for old pods, the template generation). */
export function isPodUpdated(pod: PodObject, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const generationMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  return (hash !== '' && labels[REVISION_HASH_LABEL] === hash) || generationMatches;
}

/** `intstr.GetScaledValueFromIntOrPercent(v, total, roundUp)`. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  if (!m) return 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** `updatedDesiredNodeCounts`: maxSurge and maxUnavailable as pod counts (an impossible 0/0 allows 1 unavailable). */
export function rolloutBudget(ds: DaemonSetObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  const maxUnavailable = scaledValue(ru?.maxUnavailable, desired, true);
  const maxSurge = scaledValue(ru?.maxSurge, desired, true);
  return { maxSurge, maxUnavailable: maxUnavailable === 0 && maxSurge === 0 ? 1 : maxUnavailable };
}

/** `findUpdatedPodsOnNode`: the node's new and old pod; ok false when it has two of either. */
function splitPods(pods: readonly PodObject[], hash: string, generation: number | undefined): { newPod?: PodObject; oldPod?: PodObject; ok: boolean } {
  let newPod: PodObject | undefined;
  let oldPod: PodObject | undefined;
  let ok = true;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) ok = false;
      newPod = pod;
    } else {
      if (oldPod) ok = false;
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok };
}

export interface RolloutStep {
  /** Old pods to delete now. */
  remove: PodObject[];
  /** Nodes to start a new pod on beside the old one (surge). */
  create: string[];
}

/**
 * What the rollout does now. `pods` maps node names to the DaemonSet's pods there;
 * `shouldRun` says whether a node still wants a daemon pod.
 */
export function rolloutStep(ds: DaemonSetObject, pods: ReadonlyMap<string, PodObject[]>, desired: number, hash: string, now: number, shouldRun: (node: string) => boolean): RolloutStep {
  const { maxSurge, maxUnavailable } = rolloutBudget(ds, desired);
  if (maxSurge > 0) return surgeStep(ds, pods, hash, now, maxSurge, shouldRun);
  return { remove: podsToReplace(ds, pods, hash, now, maxUnavailable), create: [] };
}

function surgeStep(ds: DaemonSetObject, pods: ReadonlyMap<string, PodObject[]>, hash: string, now: number, maxSurge: number, shouldRun: (node: string) => boolean): RolloutStep {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  let surging = 0;
  const remove: PodObject[] = [];
  const notWanted: PodObject[] = [];
  const allowed: string[] = [];
  const candidates: string[] = [];
  for (const node of [...pods.keys()].sort()) {
    const { newPod, oldPod, ok } = splitPods(pods.get(node)!, hash, generation);
    if (!ok) {
      surging++;
    } else if (!oldPod) {
      // Nothing to replace here: the manage loop looks after this node.
    } else if (!newPod) {
      if (!isPodAvailable(oldPod, minReady, now)) {
        if (!shouldRun(node)) notWanted.push(oldPod);
        else allowed.push(node);
      } else if (surging < maxSurge) {
        candidates.push(node);
      }
    } else if (!isPodAvailable(newPod, minReady, now)) {
      surging++;
    } else {
      remove.push(oldPod);
    }
  }
  const room = Math.min(Math.max(maxSurge - surging, 0), candidates.length);
  return { remove: [...remove, ...notWanted], create: [...allowed, ...candidates.slice(0, room)] };
}

/** Without surge: the old pods to delete now, at most `maxUnavailable` nodes down. */
export function podsToReplace(ds: DaemonSetObject, pods: ReadonlyMap<string, PodObject[]>, hash: string, now: number, maxUnavailable: number): PodObject[] {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  let unavailable = 0;
  const replace: PodObject[] = [];
  const candidates: PodObject[] = [];
  for (const node of [...pods.keys()].sort()) {
    const { newPod, oldPod, ok } = splitPods(pods.get(node)!, hash, generation);
    if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) {
      // The manage loop sorts this node out; it counts as unavailable meanwhile.
      unavailable++;
    } else if (newPod) {
      if (!isPodAvailable(newPod, minReady, now)) unavailable++;
    } else if (oldPod) {
      if (!isPodAvailable(oldPod, minReady, now)) replace.push(oldPod);
      else if (unavailable < maxUnavailable) candidates.push(oldPod);
    }
  }
  const room = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.length);
  return [...replace, ...candidates.slice(0, room)];
}
