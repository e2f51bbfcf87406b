/**
 * One sync of one Deployment: the working copy, the ReplicaSets it owns, and the primitive
 * operations of pkg/controller/deployment/sync.go (finding or creating the new ReplicaSet
 * and syncing revisions, scaling a ReplicaSet with its event, pruning old history).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { clone, controllerRef, ownerRefTo, type KObject } from '../../core/object';
import {
  byRevision,
  deploymentReplicas,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  getCondition,
  isRollingUpdate,
  maxRevision,
  maxSurge,
  newDeploymentCondition,
  POD_TEMPLATE_HASH_LABEL,
  podTemplateHash,
  progressDeadlineSeconds,
  REASON,
  replicasAnnotationsNeedUpdate,
  REVISION_ANNOTATION,
  revisionHistoryLimit,
  rsReplicas,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicaCount,
  cloneDeployment,
  type MutableDeploymentStatus,
} from './deployment-util';
import type { DeploymentObject, PodObject, ReplicaSetObject } from '../../kinds/apps/workload-types';
import { sameJson } from '../../core/json-equal';

export type Recorder = (obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string) => void;

export class DeploymentSync {
  /** Set when the deployment must be looked at again later (progress deadline). */
  requeueAfter?: number;

  constructor(
    readonly ctx: SimContext,
    readonly record: Recorder,
    /** Working copy; status and annotations are edited here, then written by `writeDeployment`. */
    public d: DeploymentObject,
    public rsList: ReplicaSetObject[],
    /** Pods (any state) controlled by a ReplicaSet UID: for Recreate's "old pods running". */
    readonly podsOf: (rsUid: string) => PodObject[],
  ) {}

  now(): number {
    return this.ctx.clock.now();
  }

  timestamp(): string {
    return this.ctx.clock.timestamp();
  }

  status(): MutableDeploymentStatus {
    return (this.d.status ?? {}) as MutableDeploymentStatus;
  }

  /** Writes the working copy's annotations and status (the real controller uses UpdateStatus for both). */
  writeDeployment(): void {
    const api = this.ctx.api;
    const ns = this.d.metadata.namespace;
    let stored = api.get('deployments', ns, this.d.metadata.name!) as DeploymentObject;
    if (!sameJson(stored.metadata.annotations ?? {}, this.d.metadata.annotations ?? {})) {
      stored = api.update('deployments', ns, { ...stored, metadata: { ...stored.metadata, annotations: this.d.metadata.annotations } }) as DeploymentObject;
    }
    const status = cleanStatus(this.status());
    if (!sameJson(stored.status ?? {}, status)) {
      stored = api.updateStatus('deployments', ns, { ...stored, status }) as DeploymentObject;
    }
    this.d = cloneDeployment(stored);
  }

  // ---- the new and old ReplicaSets ----

  /** `getAllReplicaSetsAndSyncRevision`. */
  getAllReplicaSetsAndSyncRevision(create: boolean): { newRS?: ReplicaSetObject; oldRSs: ReplicaSetObject[] } {
    const { all } = findOldReplicaSets(this.d, this.rsList);
    const newRS = this.getNewReplicaSet(all, create);
    return { newRS, oldRSs: all };
  }

  private getNewReplicaSet(oldRSs: ReplicaSetObject[], create: boolean): ReplicaSetObject | undefined {
    const d = this.d;
    const existing = findNewReplicaSet(d, this.rsList);
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const annotations = { ...(existing.metadata.annotations ?? {}) };
      const annotationsUpdated = setNewReplicaSetAnnotations(d, annotations, newRevision, true);
      const minReady = d.spec?.minReadySeconds ?? 0;
      if (annotationsUpdated || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
        const spec = { ...existing.spec, minReadySeconds: minReady };
        if (!minReady) delete (spec as { minReadySeconds?: number }).minReadySeconds;
        return this.replaceRS(this.ctx.api.update('replicasets', existing.metadata.namespace, { ...existing, metadata: { ...existing.metadata, annotations }, spec }) as ReplicaSetObject);
      }
      let needsUpdate = this.setDeploymentRevision(annotations[REVISION_ANNOTATION]);
      const cond = getCondition(this.status().conditions, 'Progressing');
      if (progressDeadlineSeconds(d) !== undefined && !cond) {
        this.setCondition('Progressing', 'True', REASON.FoundNewRS, `Found new replica set "${existing.metadata.name}"`);
        needsUpdate = true;
      }
      if (needsUpdate) this.writeDeployment();
      return existing;
    }
    if (!create) return undefined;
    return this.createNewReplicaSet(oldRSs, newRevision);
  }

  private createNewReplicaSet(oldRSs: ReplicaSetObject[], newRevision: number): ReplicaSetObject {
    const d = this.d;
    const ns = d.metadata.namespace!;
    const template = clone(d.spec?.template ?? {}) as PodTemplateSpec & { metadata?: Record<string, unknown> };
    const hash = podTemplateHash(template, this.status().collisionCount);
    const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const name = `${d.metadata.name}-${hash}`;
    const rs: ReplicaSetObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: ns, labels, ownerReferences: [ownerRefTo(d)] },
      spec: {
        replicas: 0,
        ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
        selector: selectorWithHash(d.spec?.selector, hash),
        template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
      },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    const annotations: Record<string, string> = {};
    setNewReplicaSetAnnotations(d, annotations, newRevision, false);
    rs.metadata.annotations = annotations;
    rs.spec = { ...rs.spec, replicas };

    let created: ReplicaSetObject;
    let alreadyExisted = false;
    try {
      created = this.ctx.api.create('replicasets', ns, rs) as ReplicaSetObject;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (e.reason === 'AlreadyExists') {
        const found = this.ctx.api.tryGet('replicasets', ns, name) as ReplicaSetObject | undefined;
        if (found && controllerRef(found)?.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, found.spec?.template)) {
          created = found;
          alreadyExisted = true;
        } else {
          // A hash collision: bump collisionCount so the next sync computes another name.
          this.status().collisionCount = (this.status().collisionCount ?? 0) + 1;
          this.d.status = this.status();
          this.writeDeployment();
          throw e;
        }
      } else if (e.reason === 'Forbidden' && e.message.includes('because it is being terminated')) {
        throw e;
      } else {
        const msg = `Failed to create new replica set "${name}": ${e.message}`;
        if (progressDeadlineSeconds(d) !== undefined) {
          this.setCondition('Progressing', 'False', REASON.FailedRSCreate, msg);
          this.writeDeployment();
        }
        this.record(this.d, 'Warning', REASON.FailedRSCreate, msg);
        throw e;
      }
    }
    this.rsList = [...this.rsList.filter((x) => x.metadata.uid !== created.metadata.uid), created];
    if (!alreadyExisted && replicas > 0) {
      this.record(this.d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas} from 0`);
    }
    let needsUpdate = this.setDeploymentRevision(String(newRevision));
    if (!alreadyExisted && progressDeadlineSeconds(d) !== undefined) {
      this.setCondition('Progressing', 'True', REASON.NewReplicaSet, `Created new replica set "${name}"`);
      needsUpdate = true;
    }
    if (needsUpdate) this.writeDeployment();
    return created;
  }

  setCondition(type: string, status: string, reason: string, message: string): void {
    const s = this.status();
    setCondition(s, newDeploymentCondition(type, status, reason, message, this.timestamp()));
    this.d.status = s;
  }

  private setDeploymentRevision(revision: string | undefined): boolean {
    if (revision === undefined) return false;
    const a = this.d.metadata.annotations ?? {};
    if (a[REVISION_ANNOTATION] === revision) return false;
    this.d.metadata.annotations = { ...a, [REVISION_ANNOTATION]: revision };
    return true;
  }

  private replaceRS(rs: ReplicaSetObject): ReplicaSetObject {
    this.rsList = this.rsList.map((x) => (x.metadata.uid === rs.metadata.uid ? rs : x));
    return rs;
  }

  // ---- scaling ----

  /** `scaleReplicaSetAndRecordEvent`. */
  scaleAndRecord(rs: ReplicaSetObject, newScale: number): { scaled: boolean; rs: ReplicaSetObject } {
    if (rsReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, rsReplicas(rs) < newScale ? 'up' : 'down');
  }

  /** `scaleReplicaSet`: sets replicas and the desired/max annotations; the event only for a size change. */
  scaleReplicaSet(rs: ReplicaSetObject, newScale: number, operation: string): { scaled: boolean; rs: ReplicaSetObject } {
    const replicas = deploymentReplicas(this.d);
    const max = replicas + maxSurge(this.d);
    const oldScale = rsReplicas(rs);
    const sizeNeedsUpdate = oldScale !== newScale;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicas, max)) return { scaled: false, rs };
    const annotations = { ...(rs.metadata.annotations ?? {}) };
    setReplicasAnnotations(annotations, replicas, max);
    const current = (this.ctx.api.get('replicasets', rs.metadata.namespace, rs.metadata.name!) as ReplicaSetObject) ?? rs;
    const updated = this.replaceRS(
      this.ctx.api.update('replicasets', rs.metadata.namespace, { ...current, metadata: { ...current.metadata, annotations }, spec: { ...current.spec, replicas: newScale } }) as ReplicaSetObject,
    );
    if (sizeNeedsUpdate) {
      this.record(this.d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`);
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /** `cleanupDeployment`: deletes the oldest empty ReplicaSets beyond revisionHistoryLimit. */
  cleanupDeployment(oldRSs: ReplicaSetObject[]): void {
    const limit = revisionHistoryLimit(this.d);
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i];
      if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.ctx.api.delete('replicasets', rs.metadata.namespace, rs.metadata.name!);
      } catch (e) {
        if (!(e instanceof StatusError) || e.reason !== 'NotFound') throw e;
      }
    }
  }
}

/** `NewRSNewReplicas`: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: DeploymentObject, allRSs: ReplicaSetObject[], newRS: ReplicaSetObject): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const maxTotal = replicas + maxSurge(d);
  const current = specReplicaCount(allRSs);
  if (current >= maxTotal) return rsReplicas(newRS);
  const up = Math.min(maxTotal - current, replicas - rsReplicas(newRS));
  return rsReplicas(newRS) + up;
}

function selectorWithHash(sel: LabelSelector | undefined, hash: string): LabelSelector {
  const out: { matchLabels: Record<string, string>; matchExpressions?: LabelSelector['matchExpressions'] } = {
    matchLabels: { ...(sel?.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
  };
  if (sel?.matchExpressions?.length) out.matchExpressions = clone(sel.matchExpressions);
  return out;
}

/** Go's omitempty for DeploymentStatus. */
export function cleanStatus(s: MutableDeploymentStatus): MutableDeploymentStatus {
  const out: MutableDeploymentStatus = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.replicas) out.replicas = s.replicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas;
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.collisionCount !== undefined && s.collisionCount !== null) out.collisionCount = s.collisionCount;
  return out;
}
