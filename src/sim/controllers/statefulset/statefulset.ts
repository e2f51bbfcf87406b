/**
 * The StatefulSet controller (pkg/controller/statefulset): ordinal pods with stable names,
 * hostnames and claims, created in order (OrderedReady) or together (Parallel), removed from
 * the highest ordinal down, rolled against ControllerRevisions, with the real events
 * (`create Pod web-0 in StatefulSet web successful`). A pod deleted by hand comes back under
 * the same name with the same claim. Claims are kept unless persistentVolumeClaimRetentionPolicy
 * says Delete: then they carry an owner reference (the set, or the scaled-down pod) and the
 * garbage collector removes them.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import { keyOf, splitKey } from '../../core/keys';
import { fromLabelSelector, matchSelector } from '../../core/labels';
import { clone, controllerRef, type KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import type { PodObject } from '../../kinds/apps/workload-types';
import { isNamespaceTerminating } from '../replicaset/replicaset';
import { computeStatus, podRevision, updateStatefulSet, type RevisionRef } from './control';
import { statefulSetRevisions, truncateHistory, type RevisionObject } from './history';
import { claimsFor, newStatefulSetPod, ordinalOf, podName, type StatefulSetObject } from './identity';

/** How soon a set blocked on a claim being deleted looks again. */
const CLAIM_RETRY_MS = 1000;

export class StatefulSetController {
  readonly queue: WorkQueue;
  private readonly record;
  /** StatefulSets that may have orphans to adopt (one was created, or a matching orphan changed). */
  private readonly adopt = new Set<string>();
  /** StatefulSets whose last sync met a claim that is being deleted. */
  private readonly blocked = new Set<string>();
  /** Failed syncs in a row, by set: the work queue's exponential back-off (5 ms doubling, at most 1000 s). */
  private readonly failures = new Map<string, number>();
  private failed = false;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'statefulset-controller');
    this.record = ctx.events.for({ component: 'statefulset-controller' });
    const sets = informers.for('statefulsets');
    for (const s of sets.list()) this.queue.add(keyOf(s));
    sets.onChange((obj, _old, type) => {
      if (type === 'ADDED') this.adopt.add(keyOf(obj));
      if (type !== 'DELETED') this.queue.add(keyOf(obj));
    });
    informers.for('pods').onChange((obj, old, type) => {
      const ref = controllerRef(obj) ?? (old ? controllerRef(old) : undefined);
      if (!ref && type !== 'DELETED' && !obj.metadata.deletionTimestamp) return this.orphanChanged(obj);
      if (ref?.kind !== 'StatefulSet') return;
      const set = sets.get(obj.metadata.namespace, ref.name);
      if (set && set.metadata.uid === ref.uid) this.queue.add(keyOf(set));
    });
  }

  /** A pod without a controller: the StatefulSets whose selector it matches look at it. */
  private orphanChanged(pod: KObject): void {
    for (const set of this.informers.for('statefulsets').list(pod.metadata.namespace) as StatefulSetObject[]) {
      if (set.metadata.deletionTimestamp || ordinalOf(set, pod) < 0) continue;
      if (!matchSelector(fromLabelSelector(set.spec?.selector), pod.metadata.labels ?? {})) continue;
      this.adopt.add(keyOf(set));
      this.queue.add(keyOf(set));
    }
  }

  /**
   * adoptOrphanRevisions, then ClaimPods with isMemberOf: orphaned revisions the selector matches
   * and matching orphan pods named `<set>-<n>` get this set as controller.
   */
  private adoptOrphans(set: StatefulSetObject): void {
    const selector = fromLabelSelector(set.spec?.selector);
    for (const r of this.informers.for('controllerrevisions').list(set.metadata.namespace)) {
      if (controllerRef(r) || r.metadata.deletionTimestamp || !matchSelector(selector, r.metadata.labels ?? {})) continue;
      const ref = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true };
      try {
        this.ctx.api.update('controllerrevisions', r.metadata.namespace, { ...r, metadata: { ...r.metadata, ownerReferences: [...(r.metadata.ownerReferences ?? []), ref] } });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }
    for (const pod of this.informers.for('pods').list(set.metadata.namespace)) {
      if (controllerRef(pod) || pod.metadata.deletionTimestamp || ordinalOf(set, pod) < 0) continue;
      if (!matchSelector(selector, pod.metadata.labels ?? {})) continue;
      const ref = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true };
      try {
        this.ctx.api.update('pods', pod.metadata.namespace, { ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), ref] } });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }
  }

  /** One level-triggered sync; returns a delay to look again (a pod becoming available). */
  sync(key: string): number | void {
    const set = this.informers.for('statefulsets').get(...splitKey(key)) as StatefulSetObject | undefined;
    if (!set || set.metadata.deletionTimestamp) {
      this.failures.delete(key);
      return;
    }
    this.failed = false;
    if (this.adopt.delete(key)) this.adoptOrphans(set);
    const revs = statefulSetRevisions(this.ctx, this.informers, set);
    if (!revs) return 0;
    const current: RevisionRef = { name: revs.current.metadata.name!, template: templateOf(revs.current) };
    const update: RevisionRef = { name: revs.update.metadata.name!, template: clone(set.spec?.template ?? {}) };
    const start = set.spec?.ordinals?.start ?? 0;
    const replicas = set.spec?.replicas ?? 1;
    const byOrdinal = new Map<number, PodObject>();
    const condemned: PodObject[] = [];
    for (const pod of this.pods(set)) {
      const ord = ordinalOf(set, pod);
      if (ord < 0) continue;
      if (ord >= start && ord < start + replicas) byOrdinal.set(ord, pod);
      else condemned.push(pod);
    }
    const now = this.ctx.clock.now();
    let retry = updateStatefulSet(set, byOrdinal, condemned, current, update, {
      create: (ord, revision, template) => this.createPod(set, ord, revision, template),
      ensureClaims: (pod, ord) => this.createClaims(set, ord, pod.metadata.name!),
      remove: (pod, scaledDown) => this.deletePod(set, pod, scaledDown),
    }, now);
    const pods = this.pods(set);
    const latest = (this.informers.for('statefulsets').get(...splitKey(key)) as StatefulSetObject | undefined) ?? set;
    const status = computeStatus(latest, pods, current.name, update.name, latest.status?.collisionCount ?? undefined, now);
    if (!sameJson(status, latest.status)) {
      try {
        this.ctx.api.updateStatus('statefulsets', latest.metadata.namespace, { ...latest, status });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }
    truncateHistory(this.ctx, set, revs, new Set(pods.map(podRevision)));
    // A claim still being deleted blocks its pod: look again shortly (the real queue's back-off).
    if (this.blocked.delete(key)) retry = Math.min(retry ?? Infinity, CLAIM_RETRY_MS);
    if (!this.failed) {
      this.failures.delete(key);
      return retry;
    }
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return Math.min(retry ?? Infinity, Math.min(5 * 2 ** n, 1_000_000));
  }

  /** The set's pods: those it controls that its selector still matches. */
  private pods(set: StatefulSetObject): PodObject[] {
    const selector = fromLabelSelector(set.spec?.selector);
    return (this.informers.for('pods').ownedBy(set.metadata.uid!) as PodObject[]).filter(
      (p) => controllerRef(p)?.uid === set.metadata.uid && matchSelector(selector, p.metadata.labels ?? {}),
    );
  }

  /** `createPersistentVolumeClaims` then the pod, with the controller's events. */
  private createPod(set: StatefulSetObject, ord: number, revision: string, template: PodTemplateSpec): boolean {
    const ns = set.metadata.namespace;
    const pod = newStatefulSetPod(set, template, revision, ord);
    const name = podName(set, ord);
    if (!this.createClaims(set, ord, name)) return false;
    try {
      this.ctx.api.create('pods', ns, pod, { bodyOwned: true });
      this.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} successful`);
      return true;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (isNamespaceTerminating(e)) return false;
      this.record(set, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${e.message}`);
      this.failed = true;
      return false;
    }
  }

  private syncClaimOwners(set: StatefulSetObject, claim: KObject, condemned: PodObject | undefined): void {
    const refs = claim.metadata.ownerReferences ?? [];
    const wanted = wantedClaimOwners(set, refs, condemned);
    if (sameJson(refs, wanted)) return;
    const { ownerReferences: _old, ...rest } = claim.metadata;
    const metadata: KObject['metadata'] = wanted.length ? { ...rest, ownerReferences: wanted } : rest;
    try {
      this.ctx.api.update('persistentvolumeclaims', claim.metadata.namespace, { ...claim, metadata });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }

  /**
   * `createPersistentVolumeClaims`: the pod's missing claims, with the claim events; an existing
   * claim gets the owners the retention policy wants, one being deleted stops the pod (false).
   */
  private createClaims(set: StatefulSetObject, ord: number, name: string): boolean {
    const ns = set.metadata.namespace;
    let ok = true;
    for (const claim of claimsFor(set, ord).values()) {
      const claimName = claim.metadata.name!;
      const stored = this.informers.for('persistentvolumeclaims').get(ns, claimName);
      if (stored?.metadata.deletionTimestamp) {
        this.blocked.add(keyOf(set));
        ok = false;
        continue;
      }
      if (stored) {
        this.syncClaimOwners(set, stored, undefined);
        continue;
      }
      if (set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') claim.metadata.ownerReferences = [setOwner(set)];
      try {
        this.ctx.api.create('persistentvolumeclaims', ns, claim, { bodyOwned: true });
        this.record(set, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${name} in StatefulSet ${set.metadata.name} success`);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        if (e.reason === 'AlreadyExists') continue;
        this.record(set, 'Warning', 'FailedCreate', `create Claim ${claimName} for Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${e.message}`);
        this.failed = true;
        ok = false;
      }
    }
    return ok;
  }

  private deletePod(set: StatefulSetObject, pod: PodObject, scaledDown: boolean): void {
    const ns = set.metadata.namespace;
    if (scaledDown) {
      for (const claim of claimsFor(set, ordinalOf(set, pod)).values()) {
        const stored = this.informers.for('persistentvolumeclaims').get(ns, claim.metadata.name!);
        if (stored) this.syncClaimOwners(set, stored, pod);
      }
    }
    try {
      this.ctx.api.delete('pods', ns, pod.metadata.name!);
      this.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (e.reason !== 'NotFound') this.failed = true;
      if (e.reason !== 'NotFound') this.record(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e.message}`);
    }
  }
}

/**
 * `updateClaimOwnerRefForSetAndPod`: whenDeleted Delete makes the set an owner of the claims of
 * the pods it keeps; whenScaled Delete makes a condemned pod (and not the set) their owner, so
 * the garbage collector removes them with it. Retain takes the reference away again.
 */
function wantedClaimOwners(set: StatefulSetObject, refs: OwnerRef[], condemned: PodObject | undefined): OwnerRef[] {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
  let out = refs.filter((r) => r.uid !== set.metadata.uid && !(r.kind === 'Pod' && r.apiVersion === 'v1'));
  const podRefs = refs.filter((r) => r.kind === 'Pod' && r.apiVersion === 'v1');
  if (condemned && policy?.whenScaled === 'Delete') {
    out = [...out, ...podRefs.filter((r) => r.uid !== condemned.metadata.uid), { apiVersion: 'v1', kind: 'Pod', name: condemned.metadata.name!, uid: condemned.metadata.uid! }];
  } else if (policy?.whenDeleted === 'Delete') {
    out = [...out, setOwner(set)];
  }
  return out;
}

type OwnerRef = NonNullable<KObject['metadata']['ownerReferences']>[number];

function setOwner(set: StatefulSetObject): OwnerRef {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid! };
}

/** The pod template a revision recorded (`ApplyRevision`). */
function templateOf(r: RevisionObject): PodTemplateSpec {
  const t = clone(((r.data as { spec?: { template?: Record<string, unknown> } })?.spec?.template ?? {}) as Record<string, unknown>);
  delete t.$patch;
  return t as PodTemplateSpec;
}

export function startStatefulSetController(ctx: SimContext, informers: SharedInformers): StatefulSetController {
  return new StatefulSetController(ctx, informers);
}
