/**
 * Which pods a ReplicaSet deletes first when scaling down: `controller.ActivePodsWithRanks`
 * with the PodDeletionCost and LogarithmicScaleDown features (both on by default in 1.32).
 * The first difference decides; the pods that sort first are deleted.
 */
import { isPodActive, isPodReady, podReadySince } from './pod-util';
import type { PodObject } from './types';

export const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Ranked {
  pod: PodObject;
  /** Active pods of the same controller family on this pod's node. */
  rank: number;
  ready: boolean;
  readySince?: number;
  created: number;
  cost: number;
  restarts: [number, number];
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
  const ranked: Ranked[] = pods.map((pod) => ({
    pod,
    rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0,
    ready: isPodReady(pod),
    readySince: podReadySince(pod),
    created: pod.metadata.creationTimestamp ? Date.parse(pod.metadata.creationTimestamp) : NaN,
    cost: deletionCost(pod),
    restarts: maxRestarts(pod),
  }));
  // A stable sort over name order keeps ties deterministic (Go's sort.Sort is not stable).
  ranked.sort((a, b) => byName(a.pod, b.pod));
  ranked.sort((a, b) => compare(a, b, now));
  return ranked.slice(0, count).map((r) => r.pod);
}

function compare(a: Ranked, b: Ranked, now: number): number {
  const na = a.pod.spec?.nodeName ?? '';
  const nb = b.pod.spec?.nodeName ?? '';
  // 1. Unassigned before assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  // 2. Pending < Unknown < Running.
  const pa = PHASE_ORDINAL[a.pod.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.pod.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower deletion cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. More siblings on the same node first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for less time first (log2 buckets, then UID).
  if (a.ready && b.ready && a.readySince !== b.readySince) {
    const r = timeRank(a.readySince, b.readySince, a.pod, b.pod, now);
    if (r !== 0) return r;
  }
  // 7. More restarts first (regular containers, then restartable init containers).
  if (a.restarts[0] !== b.restarts[0]) return b.restarts[0] - a.restarts[0];
  if (a.restarts[1] !== b.restarts[1]) return b.restarts[1] - a.restarts[1];
  // 8. Newer first (log2 buckets, then UID).
  if (a.created !== b.created && !(Number.isNaN(a.created) && Number.isNaN(b.created))) {
    return timeRank(nanOrUndefined(a.created), nanOrUndefined(b.created), a.pod, b.pod, now);
  }
  return 0;
}

function nanOrUndefined(t: number): number | undefined {
  return Number.isNaN(t) ? undefined : t;
}

/** `afterOrZero` for missing times, else `logarithmicRankDiff` with a UID tie-break. */
function timeRank(ta: number | undefined, tb: number | undefined, a: PodObject, b: PodObject, now: number): number {
  if (ta === undefined || tb === undefined) {
    // afterOrZero: a zero time sorts first.
    if (ta === undefined && tb === undefined) return 0;
    return ta === undefined ? -1 : 1;
  }
  const diff = logBucket(now - ta) - logBucket(now - tb);
  if (diff !== 0) return diff < 0 ? -1 : 1;
  const ua = a.metadata.uid ?? '';
  const ub = b.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
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
  const restartable = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const c of pod.status?.initContainerStatuses ?? []) {
    if (restartable.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  }
  return [regular, sidecar];
}

function byName(a: PodObject, b: PodObject): number {
  const x = a.metadata.name!;
  const y = b.metadata.name!;
  return x < y ? -1 : x > y ? 1 : 0;
}
