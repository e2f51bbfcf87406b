/**
 * Which pods a ReplicaSet deletes first when scaling down: `controller.ActivePodsWithRanks`
 * with the PodDeletionCost and LogarithmicScaleDown features (both on by default in 1.32).
 * The first difference decides; the pods that sort first are deleted.
 */
import { isPodActive, isPodReady, podReadySince } from '../pod-util';
import type { PodObject } from '../../kinds/apps/workload-types';

export const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** What ranking needs from a pod that depends on the pod alone (stored pods never change). */
interface PodFacts {
  pod: PodObject;
  name: string;
  uid: string;
  node: string;
  phase: number;
  ready: boolean;
  readySince?: number;
  created: number;
  cost: number;
  restarts: number;
  sidecarRestarts: number;
}

interface Ranked {
  f: PodFacts;
  /** Active pods of the same controller family on this pod's node. */
  rank: number;
  /** `logBucket(now - readySince)`, computed once per pod instead of once per comparison. */
  readyBucket: number;
  createdBucket: number;
}

/** Facts by pod object: a rolling update ranks the same pods hundreds of times. */
const factsCache = new WeakMap<PodObject, PodFacts>();

function factsOf(pod: PodObject): PodFacts {
  let f = factsCache.get(pod);
  if (f) return f;
  const [restarts, sidecarRestarts] = maxRestarts(pod);
  f = {
    pod,
    name: pod.metadata.name!,
    uid: pod.metadata.uid ?? '',
    node: pod.spec?.nodeName ?? '',
    phase: PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0,
    ready: isPodReady(pod),
    readySince: podReadySince(pod),
    created: pod.metadata.creationTimestamp ? Date.parse(pod.metadata.creationTimestamp) : NaN,
    cost: deletionCost(pod),
    restarts,
    sidecarRestarts,
  };
  factsCache.set(pod, f);
  return f;
}

/**
 * Picks `count` pods of `pods` to delete. `related` are the active pods of every ReplicaSet
 * with the same controller (the "doubled up on a node" rule counts them).
 */
export function podsToDelete(pods: PodObject[], related: PodObject[], count: number, now: number): PodObject[] {
  if (count >= pods.length) return pods.slice(0, count);
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked: Ranked[] = new Array(pods.length);
  for (let i = 0; i < pods.length; i++) ranked[i] = rankOf(factsOf(pods[i]), onNode, now);
  // A stable sort over name order keeps ties deterministic (Go's sort.Sort is not stable).
  // Two passes, not one combined comparator: the ranking is not transitive (UID tie-breaks
  // inside log buckets), so merging the passes could change which pods are picked.
  ranked.sort((a, b) => byName(a.f.name, b.f.name));
  ranked.sort(compare);
  const out: PodObject[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = ranked[i].f.pod;
  return out;
}

function rankOf(f: PodFacts, onNode: Map<string, number>, now: number): Ranked {
  return {
    f,
    rank: onNode.get(f.node) ?? 0,
    readyBucket: f.readySince === undefined ? 0 : logBucket(now - f.readySince),
    createdBucket: Number.isNaN(f.created) ? 0 : logBucket(now - f.created),
  };
}

function compare(x: Ranked, y: Ranked): number {
  const a = x.f;
  const b = y.f;
  const na = a.node;
  const nb = b.node;
  // 1. Unassigned before assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  // 2. Pending < Unknown < Running.
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower deletion cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. More siblings on the same node first.
  if (x.rank !== y.rank) return y.rank - x.rank;
  // 6. Ready for less time first (log2 buckets, then UID).
  if (a.ready && b.ready && a.readySince !== b.readySince) {
    const r = timeRank(a.readySince === undefined, x.readyBucket, b.readySince === undefined, y.readyBucket, a, b);
    if (r !== 0) return r;
  }
  // 7. More restarts first (regular containers, then restartable init containers).
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.sidecarRestarts !== b.sidecarRestarts) return b.sidecarRestarts - a.sidecarRestarts;
  // 8. Newer first (log2 buckets, then UID).
  if (a.created !== b.created && !(Number.isNaN(a.created) && Number.isNaN(b.created))) {
    return timeRank(Number.isNaN(a.created), x.createdBucket, Number.isNaN(b.created), y.createdBucket, a, b);
  }
  return 0;
}

/** `afterOrZero` for missing times, else `logarithmicRankDiff` (on precomputed buckets) with a UID tie-break. */
function timeRank(aMissing: boolean, aBucket: number, bMissing: boolean, bBucket: number, a: PodFacts, b: PodFacts): number {
  if (aMissing || bMissing) {
    // afterOrZero: a zero time sorts first.
    if (aMissing && bMissing) return 0;
    return aMissing ? -1 : 1;
  }
  const diff = aBucket - bBucket;
  if (diff !== 0) return diff < 0 ? -1 : 1;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/** int64(log2(duration in ns)), or -1 for a non-positive duration. */
function logBucket(ms: number): number {
  if (ms <= 0) return -1;
  return Math.floor(Math.log2(ms * 1e6));
}

function deletionCost(pod: PodObject): number {
  const raw = pod.metadata.annotations?.[DELETION_COST_ANNOTATION];
  if (raw === undefined || !/^-?\d+$/.test(raw)) return 0;
  const n = Number(raw);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function maxRestarts(pod: PodObject): [number, number] {
  let regular = 0;
  let sidecar = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const init = pod.spec?.initContainers;
  if (!init || init.length === 0) return [regular, sidecar];
  const restartable = new Set(init.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const c of pod.status?.initContainerStatuses ?? []) {
    if (restartable.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  }
  return [regular, sidecar];
}

function byName(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
