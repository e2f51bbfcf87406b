/**
 * Pure helpers of the Deployment controller (pkg/controller/deployment/util), shared with
 * kubectl (`rollout history/undo/status`): revisions, the old ReplicaSets (the new one and
 * template equality live in ../new-replicaset, shared with `kubectl describe`), surge and
 * unavailability fenceposts, spec defaults, conditions and sorting.
 */
import type { DeploymentCondition, DeploymentStatus, ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import { clone, setOwn } from '../../core/object';
import { byCreationTimestamp, equalIgnoreHash, findNewReplicaSet } from '../../kinds/apps/new-replicaset';
import {
  CHANGE_CAUSE_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  revisionOf,
} from '../../kinds/apps/deployment-revision';
import { POD_TEMPLATE_HASH_LABEL, podTemplateHash } from '../../kinds/apps/pod-template-hash';
import type { DeploymentObject, ReplicaSetObject } from '../../kinds/apps/workload-types';

export { byCreationTimestamp, equalIgnoreHash, findNewReplicaSet, POD_TEMPLATE_HASH_LABEL, podTemplateHash };

export { CHANGE_CAUSE_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, revisionOf };
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** Annotations of a Deployment not copied to its ReplicaSets. */
const SKIPPED_ANNOTATIONS = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO]);
/** `maxRevHistoryLengthInChars`. */
export const MAX_REVISION_HISTORY_CHARS = 2000;

// Condition reasons (deploymentutil).
export const REASON = {
  NewReplicaSet: 'NewReplicaSetCreated',
  FoundNewRS: 'FoundNewReplicaSet',
  NewRSAvailable: 'NewReplicaSetAvailable',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  TimedOut: 'ProgressDeadlineExceeded',
  FailedRSCreate: 'ReplicaSetCreateError',
  PausedDeploy: 'DeploymentPaused',
  ResumedDeploy: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

// ---- spec with server defaults (read defensively: objects may predate defaulting) ----

export function deploymentReplicas(d: DeploymentObject): number {
  return d.spec?.replicas ?? 1;
}

export function rsReplicas(rs: ReplicaSetObject): number {
  return rs.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: DeploymentObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function revisionHistoryLimit(d: DeploymentObject): number {
  return d.spec?.revisionHistoryLimit ?? 10;
}

/** `HasProgressDeadline`: set and not MaxInt32. */
export function progressDeadlineSeconds(d: DeploymentObject): number | undefined {
  const p = d.spec?.progressDeadlineSeconds ?? 600;
  return p === 2147483647 ? undefined : p;
}

// ---- surge and unavailability ----

/** `intstr.GetScaledValueFromIntOrPercent`: `n%` of total, rounded up or down; ints as is. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) return /^-?\d+$/.test(v) ? Number(v) : 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** `ResolveFenceposts`: [surge, unavailable]; both 0 means unavailable 1. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

function rollingParams(d: DeploymentObject): [number | string, number | string] {
  const ru = d.spec?.strategy?.rollingUpdate;
  return [ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%'];
}

export function maxSurge(d: DeploymentObject): number {
  if (!isRollingUpdate(d)) return 0;
  const [s, u] = rollingParams(d);
  return resolveFenceposts(s, u, deploymentReplicas(d))[0];
}

export function maxUnavailable(d: DeploymentObject): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const [s, u] = rollingParams(d);
  return Math.min(resolveFenceposts(s, u, replicas)[1], replicas);
}

// ---- revisions and templates ----

export function maxRevision(rss: ReplicaSetObject[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs));
  return max;
}

/**
 * A private copy of a stored Deployment for one sync, sharing the stored `spec.template`: no
 * sync writes into the template (it is cloned before a ReplicaSet is built from it), and
 * sharing it lets its canonical form stay cached across syncs. Key order is kept.
 */
export function cloneDeployment(stored: DeploymentObject): DeploymentObject {
  const spec = stored.spec as unknown as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== 'object' || !spec.template) return clone(stored);
  const out = clone({ ...stored, spec: undefined }) as unknown as { spec: unknown };
  const specCopy: Record<string, unknown> = {};
  for (const key in spec) {
    if (!Object.prototype.hasOwnProperty.call(spec, key)) continue;
    const v = key === 'template' ? spec[key] : clone(spec[key]);
    if (key === '__proto__') setOwn(specCopy, key, v);
    else specCopy[key] = v;
  }
  out.spec = specCopy;
  return out as DeploymentObject;
}

/** `FindOldReplicaSets`: every other ReplicaSet, and those of them with replicas. */
export function findOldReplicaSets(d: DeploymentObject, rss: ReplicaSetObject[]): { required: ReplicaSetObject[]; all: ReplicaSetObject[] } {
  const newRS = findNewReplicaSet(d, rss);
  const all = rss.filter((rs) => rs !== newRS && rs.metadata.uid !== newRS?.metadata.uid);
  return { required: all.filter((rs) => rsReplicas(rs) !== 0), all };
}

// ---- counting ----

export function activeReplicaSets(rss: (ReplicaSetObject | undefined)[]): ReplicaSetObject[] {
  return rss.filter((rs): rs is ReplicaSetObject => !!rs && rsReplicas(rs) > 0);
}

export function specReplicaCount(rss: (ReplicaSetObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? rsReplicas(rs) : 0), 0);
}

export function actualReplicaCount(rss: (ReplicaSetObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function readyReplicaCount(rss: (ReplicaSetObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function availableReplicaCount(rss: (ReplicaSetObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

// ---- sorting ----

/** Larger first; ties oldest first. */
export function bySizeOlder(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** Larger first; ties newest first. */
export function bySizeNewer(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}

/** Lowest revision first; ties oldest first. */
export function byRevision(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

// ---- annotations ----

type Annotations = Record<string, string>;

/** Copies the Deployment's annotations (minus the skipped ones) onto `rsAnnotations`. */
export function copyDeploymentAnnotations(d: DeploymentObject, rsAnnotations: Annotations): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || rsAnnotations[k] === v) continue;
    rsAnnotations[k] = v;
    changed = true;
  }
  return changed;
}

/** `SetNewReplicaSetAnnotations`: copied annotations, revision (+history), replica annotations when new. */
export function setNewReplicaSetAnnotations(d: DeploymentObject, annotations: Annotations, newRevision: number, exists: boolean): boolean {
  let changed = copyDeploymentAnnotations(d, annotations);
  const oldRevision = annotations[REVISION_ANNOTATION];
  const had = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (had) {
    if (!/^\d+$/.test(oldRevision)) return false;
    oldRevisionInt = Number(oldRevision);
  }
  if (oldRevisionInt < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
  }
  if (had && oldRevisionInt < newRevision) {
    const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
    let old = history.split(',');
    if (old[0].length === 0) {
      annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > MAX_REVISION_HISTORY_CHARS && start < old.length) {
        total -= old[start].length + 1;
        start++;
      }
      if (total <= MAX_REVISION_HISTORY_CHARS) {
        old = [...old.slice(start), oldRevision];
        annotations[REVISION_HISTORY_ANNOTATION] = old.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(annotations, deploymentReplicas(d), deploymentReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

export function setReplicasAnnotations(annotations: Annotations, desired: number, max: number): boolean {
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSetObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

function intAnnotation(rs: ReplicaSetObject, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export function desiredReplicasAnnotation(rs: ReplicaSetObject): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

// ---- proportional scaling ----

/** Go's `integer.RoundToInt32`: halves away from zero. */
function roundToInt(x: number): number {
  return x < 0 ? Math.trunc(x - 0.5) : Math.trunc(x + 0.5);
}

/** `GetProportion`: how many replicas `rs` gets of a scale change of `toAdd` (already `added`). */
export function proportion(rs: ReplicaSetObject, d: DeploymentObject, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSetObject, d: DeploymentObject): number {
  const replicas = deploymentReplicas(d);
  if (replicas === 0) return -rsReplicas(rs);
  const deploymentMax = replicas + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  const size = (rsReplicas(rs) * deploymentMax) / annotated;
  return roundToInt(size) - rsReplicas(rs);
}

/** `IsSaturated`: the new RS runs all replicas and they are available. */
export function isSaturated(d: DeploymentObject, rs: ReplicaSetObject | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = deploymentReplicas(d);
  return rsReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** `FindActiveOrLatest`: the only active RS, or the newest when none is active. */
export function findActiveOrLatest(newRS: ReplicaSetObject | undefined, oldRSs: ReplicaSetObject[]): ReplicaSetObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = activeReplicaSets([...olds, newRS]);
  if (active.length === 0) return newRS ?? olds[0];
  if (active.length === 1) return active[0];
  return undefined;
}

// ---- conditions ----

type AnyCondition = DeploymentCondition | ReplicaSetCondition;

export function getCondition<C extends AnyCondition>(conditions: readonly C[] | undefined, type: string): C | undefined {
  return conditions?.find((c) => c.type === type);
}

export function newDeploymentCondition(type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** `SetDeploymentCondition`: same status and reason is a no-op; same status keeps the transition time. */
export function setCondition(status: { conditions?: DeploymentCondition[] }, cond: DeploymentCondition): void {
  const current = getCondition(status.conditions, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  const next = current && current.status === cond.status ? { ...cond, lastTransitionTime: current.lastTransitionTime } : cond;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

export function removeCondition(status: { conditions?: DeploymentCondition[] }, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
}

// ---- progress ----

export type MutableDeploymentStatus = { -readonly [K in keyof DeploymentStatus]: DeploymentStatus[K] } & { conditions?: DeploymentCondition[] };

export function deploymentComplete(d: DeploymentObject, s: DeploymentStatus): boolean {
  const r = deploymentReplicas(d);
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

export function deploymentProgressing(d: DeploymentObject, s: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

export function deploymentTimedOut(d: DeploymentObject, s: DeploymentStatus, now: number): boolean {
  const deadline = progressDeadlineSeconds(d);
  if (deadline === undefined) return false;
  const c = getCondition(s.conditions, 'Progressing');
  if (!c) return false;
  if (c.reason === REASON.NewRSAvailable) return false;
  if (c.reason === REASON.TimedOut) return true;
  return Date.parse(c.lastUpdateTime!) + deadline * 1000 < now;
}
