/**
 * RollingUpdate without surge (pkg/controller/daemon/update.go, `rollingUpdate` with
 * maxSurge 0): per node, an old pod is deleted (the manage loop then creates the new one),
 * while at most `maxUnavailable` nodes lack an available daemon pod. Old pods that are not
 * available anyway are always replaced. Nodes are walked in name order (Go walks a map).
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

/** The old pods to delete now. `pods` maps node names to the DaemonSet's pods there. */
export function podsToReplace(ds: DaemonSetObject, pods: ReadonlyMap<string, PodObject[]>, desired: number, hash: string, now: number): PodObject[] {
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  let maxUnavailable = scaledValue(ru?.maxUnavailable, desired, true);
  const maxSurge = scaledValue(ru?.maxSurge, desired, true);
  if (maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  let unavailable = 0;
  const replace: PodObject[] = [];
  const candidates: PodObject[] = [];
  for (const node of [...pods.keys()].sort()) {
    let newPod: PodObject | undefined;
    let oldPod: PodObject | undefined;
    let ok = true;
    for (const pod of pods.get(node)!) {
      if (pod.metadata.deletionTimestamp) continue;
      if (isPodUpdated(pod, hash, generation)) {
        if (newPod) ok = false;
        newPod = pod;
      } else {
        if (oldPod) ok = false;
        oldPod = pod;
      }
    }
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
