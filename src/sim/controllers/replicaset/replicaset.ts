/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods,
 * adopting matching orphans and releasing pods that stop matching, creating in slow-start
 * batches and deleting by the real ranking, and writes status when it changes.
 */
import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { fromLabelSelector, matchSelector } from '../../core/labels';
import { clone, controllerRef, ownerRefTo, type KObject } from '../../core/object';
import { Backoff } from '../../informers/backoff';
import { Expectations } from '../../informers/expectations';
import { keyOf, splitKey } from '../../core/keys';
import { podAvailableAt } from '../pod-util';
import { podsToDelete } from './pod-ranking';
import { ReplicaSetPods } from './replicaset-pods';
import type { SharedInformers } from '../../informers/shared-informers';
import type { PodObject, ReplicaSetObject } from '../../kinds/apps/workload-types';
import { WorkQueue } from '../../informers/workqueue';
import { sameJson } from '../../core/json-equal';

/** Most pods created or deleted in one sync (`BurstReplicas`). */
export const BURST_REPLICAS = 500;
/** `controller.SlowStartInitialBatchSize`. */
export const SLOW_START_INITIAL_BATCH = 1;

export class ReplicaSetController {
  readonly queue: WorkQueue;
  readonly pods: ReplicaSetPods;
  private readonly byUid = new Map<string, ReplicaSetObject>();
  private readonly expectations: Expectations;
  private readonly backoff = new Backoff();
  /** ReplicaSets whose last create failed, by namespace: a pod leaving frees quota for them. */
  private readonly failedCreate = new Map<string, Set<string>>();
  private readonly record;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'replicaset-controller');
    this.expectations = new Expectations(ctx.clock);
    this.record = ctx.events.for({ component: 'replicaset-controller' });
    this.pods = new ReplicaSetPods((uid) => this.byUid.get(uid));
    const rsInformer = informers.for('replicasets');
    for (const rs of rsInformer.list()) this.rsChanged(rs as ReplicaSetObject, undefined, 'ADDED');
    rsInformer.onChange((obj, old, type) => this.rsChanged(obj as ReplicaSetObject, old as ReplicaSetObject | undefined, type));
    const podInformer = informers.for('pods');
    for (const p of podInformer.list()) this.pods.podChanged(p as PodObject, false);
    podInformer.onChange((obj, old, type) => this.podChanged(obj as PodObject, old as PodObject | undefined, type));
    informers.for('resourcequotas').onChange((obj) => this.retryFailedCreates(obj.metadata.namespace!));
  }

  private rsChanged(rs: ReplicaSetObject, _old: ReplicaSetObject | undefined, type: string): void {
    const uid = rs.metadata.uid!;
    if (type === 'DELETED') {
      this.byUid.delete(uid);
      this.pods.replicaSetDeleted(uid);
      this.expectations.forget(keyOf(rs));
      return;
    }
    this.byUid.set(uid, rs);
    this.pods.replicaSetChanged(rs);
    this.queue.add(keyOf(rs));
  }

  private podChanged(pod: PodObject, old: PodObject | undefined, type: string): void {
    this.pods.podChanged(pod, type === 'DELETED');
    const ns = pod.metadata.namespace!;
    const ref = controllerRef(pod);
    const oldRef = old ? controllerRef(old) : undefined;
    if (oldRef && oldRef.uid !== ref?.uid) this.enqueueRef(oldRef);
    if (ref) {
      const rs = this.enqueueRef(ref);
      if (rs) {
        const key = keyOf(rs);
        if (type === 'ADDED') this.expectations.creationObserved(key);
        const nowDeleting = pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp;
        if (type === 'DELETED' ? !pod.metadata.deletionTimestamp : nowDeleting) this.expectations.deletionObserved(key);
      }
    } else if (type !== 'DELETED') {
      const labelsChanged = !old || oldRef || !sameJson(old.metadata.labels, pod.metadata.labels);
      if (labelsChanged) {
        for (const rs of this.informers.for('replicasets').list(ns)) {
          if (matchSelector(fromLabelSelector((rs as ReplicaSetObject).spec?.selector), pod.metadata.labels ?? {})) this.queue.add(keyOf(rs));
        }
      }
    }
    const gone = type === 'DELETED' || isTerminal(pod) !== (old ? isTerminal(old) : false);
    if (gone) this.retryFailedCreates(ns);
  }

  private enqueueRef(ref: OwnerReference): ReplicaSetObject | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.byUid.get(ref.uid);
    if (rs) this.queue.add(keyOf(rs));
    return rs;
  }

  private retryFailedCreates(ns: string): void {
    const set = this.failedCreate.get(ns);
    if (!set) return;
    this.failedCreate.delete(ns);
    for (const key of set) this.queue.add(key);
  }

  /** One level-triggered sync of a ReplicaSet; returns a delay to look again, if any. */
  sync(key: string): number | void {
    const rs = this.informers.for('replicasets').get(...splitKey(key)) as ReplicaSetObject | undefined;
    if (!rs) {
      this.expectations.forget(key);
      this.backoff.forget(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    this.claimPods(rs);
    const uid = rs.metadata.uid!;
    const diff = this.pods.count(uid) - replicasOf(rs);
    let err: Error | undefined;
    if (needsSync && !rs.metadata.deletionTimestamp) err = this.manageReplicas(rs, diff);
    const current = (this.informers.for('replicasets').get(...splitKey(key)) as ReplicaSetObject | undefined) ?? rs;
    const status = this.calculateStatus(current, err, diff);
    this.writeStatus(current, status);
    if (err) {
      this.noteFailedCreate(rs, diff);
      return this.backoff.next(key);
    }
    this.backoff.forget(key);
    return this.nextAvailability(current);
  }

  private noteFailedCreate(rs: ReplicaSetObject, diff: number): void {
    if (diff >= 0) return;
    const ns = rs.metadata.namespace!;
    let set = this.failedCreate.get(ns);
    if (!set) this.failedCreate.set(ns, (set = new Set()));
    set.add(keyOf(rs));
  }

  /** Releases owned pods that stopped matching, then adopts matching orphans (`ClaimPods`). */
  private claimPods(rs: ReplicaSetObject): void {
    const uid = rs.metadata.uid!;
    for (const pod of this.pods.mismatched(uid)) {
      const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      this.tryUpdatePodRefs(pod, refs);
    }
    if (rs.metadata.deletionTimestamp) return;
    const selector = fromLabelSelector(rs.spec?.selector);
    if (!selector || selector.length === 0) return;
    for (const pod of this.pods.orphans(rs.metadata.namespace!)) {
      if (!matchSelector(selector, pod.metadata.labels ?? {})) continue;
      this.tryUpdatePodRefs(pod, [...(pod.metadata.ownerReferences ?? []), ownerRefTo(rs)]);
    }
  }

  private tryUpdatePodRefs(pod: PodObject, refs: OwnerReference[]): void {
    const metadata = { ...pod.metadata, ownerReferences: refs };
    if (refs.length === 0) delete (metadata as { ownerReferences?: OwnerReference[] }).ownerReferences;
    try {
      this.ctx.api.update('pods', pod.metadata.namespace, { ...pod, metadata });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      // NotFound/Conflict: the pod changed under us; its watch event requeues this ReplicaSet.
    }
  }

  private manageReplicas(rs: ReplicaSetObject, diff: number): Error | undefined {
    const key = keyOf(rs);
    if (diff < 0) {
      const want = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, want);
      const { successes, error } = slowStartBatch(want, SLOW_START_INITIAL_BATCH, () => this.createPod(rs));
      for (let i = successes; i < want; i++) this.expectations.creationObserved(key);
      return error;
    }
    if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      const victims = podsToDelete(this.pods.pods(rs.metadata.uid!), this.relatedPods(rs), n, this.ctx.clock.now());
      this.expectations.expectDeletions(key, victims.length);
      let error: Error | undefined;
      for (const pod of victims) {
        try {
          this.ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name!);
          this.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } catch (e) {
          if (!(e instanceof StatusError)) throw e;
          this.expectations.deletionObserved(key);
          if (e.reason === 'NotFound') continue;
          this.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`);
          error ??= e;
        }
      }
      return error;
    }
    return undefined;
  }

  /** Active pods of every ReplicaSet with the same controller as `rs` (siblings share nodes). */
  private relatedPods(rs: ReplicaSetObject): PodObject[] {
    const owner = controllerRef(rs);
    if (!owner) return [];
    const out: PodObject[] = [];
    for (const sibling of this.informers.for('replicasets').ownedBy(owner.uid)) {
      if (controllerRef(sibling)?.uid !== owner.uid) continue;
      this.pods.appendPods(sibling.metadata.uid!, out);
    }
    return out;
  }

  /** Returns an error to stop the batch; a terminating namespace is not an error. */
  private createPod(rs: ReplicaSetObject): Error | undefined {
    const ns = rs.metadata.namespace!;
    try {
      const pod = this.ctx.api.create('pods', ns, podFromTemplate(rs), { bodyOwned: true });
      this.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      return undefined;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (isNamespaceTerminating(e)) return undefined;
      this.record(rs, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
      return e;
    }
  }

  private calculateStatus(rs: ReplicaSetObject, err: Error | undefined, diff: number): ReplicaSetStatus {
    const uid = rs.metadata.uid!;
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const ready = this.pods.ready(uid);
    let available = ready;
    if (minReady > 0) {
      const now = this.ctx.clock.now();
      available = 0;
      for (const p of this.pods.pods(uid)) {
        const at = podAvailableAt(p, minReady);
        if (at !== undefined && at <= now) available++;
      }
    }
    let conditions: ReplicaSetCondition[] = [...(rs.status?.conditions ?? [])];
    const failure = conditions.find((c) => c.type === 'ReplicaFailure');
    if (err && !failure) {
      const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
      conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: this.ctx.clock.timestamp(), reason, message: err.message });
    } else if (!err && failure) {
      conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
    }
    return replicaSetStatus({
      replicas: this.pods.count(uid),
      fullyLabeledReplicas: this.pods.fullyLabeled(uid),
      observedGeneration: rs.status?.observedGeneration,
      readyReplicas: ready,
      availableReplicas: available,
      conditions,
    });
  }

  private writeStatus(rs: ReplicaSetObject, status: ReplicaSetStatus): void {
    const generation = rs.metadata.generation;
    const next = replicaSetStatus({ ...status, observedGeneration: generation });
    if (sameJson(next, replicaSetStatus(rs.status ?? { replicas: 0 })) && rs.status) return;
    try {
      this.ctx.api.updateStatus('replicasets', rs.metadata.namespace, { ...rs, status: next });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }

  /** With minReadySeconds, look again when the next ready pod becomes available. */
  private nextAvailability(rs: ReplicaSetObject): number | void {
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (minReady <= 0) return;
    const now = this.ctx.clock.now();
    let next = Infinity;
    for (const p of this.pods.pods(rs.metadata.uid!)) {
      const at = podAvailableAt(p, minReady);
      if (at !== undefined && at > now && at < next) next = at;
    }
    return next === Infinity ? undefined : next - now;
  }
}

export function startReplicaSetController(ctx: SimContext, informers: SharedInformers): ReplicaSetController {
  return new ReplicaSetController(ctx, informers);
}

export function replicasOf(rs: { spec?: { replicas?: number } }): number {
  return rs.spec?.replicas ?? 1;
}

/** `controller.GetPodFromTemplate`: labels, annotations, finalizers and spec of the template. */
export function podFromTemplate(rs: ReplicaSetObject): KObject {
  const t = rs.spec?.template ?? {};
  const metadata: KObject['metadata'] = { generateName: `${rs.metadata.name}-` };
  if (t.metadata?.labels) metadata.labels = { ...t.metadata.labels };
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers) metadata.finalizers = [...t.metadata.finalizers];
  metadata.ownerReferences = [ownerRefTo(rs)];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(t.spec ?? {}) };
}

/** Go's omitempty: zero counts are left out; `replicas` is always present. */
function replicaSetStatus(s: ReplicaSetStatus): ReplicaSetStatus {
  const out: { -readonly [K in keyof ReplicaSetStatus]: ReplicaSetStatus[K] } = { replicas: s.replicas ?? 0 };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.conditions?.length) out.conditions = s.conditions;
  return out;
}

/**
 * `slowStartBatch`: calls `fn` in batches of 1, 2, 4, … and stops after the first batch
 * with a failure. Returns how many calls succeeded and the first error.
 */
export function slowStartBatch(count: number, initial: number, fn: () => Error | undefined): { successes: number; error?: Error } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initial); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error: Error | undefined;
    for (let i = 0; i < batch; i++) {
      const e = fn();
      if (e) error ??= e;
      else successes++;
    }
    if (error) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}

function isTerminal(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function isNamespaceTerminating(e: StatusError): boolean {
  return e.reason === 'Forbidden' && e.message.includes('because it is being terminated');
}

