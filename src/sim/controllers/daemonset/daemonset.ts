/**
 * The DaemonSet controller (pkg/controller/daemon): one daemon pod on every node the DaemonSet
 * selects and whose taints it tolerates, created with node affinity to that node (the scheduler
 * binds it), removed from nodes it no longer belongs on, failed pods replaced with back-off,
 * RollingUpdate or OnDelete rollouts against ControllerRevisions, and status written when it
 * changes. Pods follow nodes: a node that appears gets its daemon pods; taints that stop being
 * tolerated remove them (NoExecute) or only stop new ones (NoSchedule).
 */
import type { Node, Toleration } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import { keyOf, splitKey } from '../../core/keys';
import { fromLabelSelector, matchSelector } from '../../core/labels';
import { controllerRef, type KObject } from '../../core/object';
import { Expectations } from '../../informers/expectations';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import type { PodObject } from '../../kinds/apps/workload-types';
import { isPodReady } from '../pod-util';
import { isNamespaceTerminating, slowStartBatch, SLOW_START_INITIAL_BATCH } from '../replicaset/replicaset';
import { adoptOrphans, forStatus, podsByNode } from './daemon-pods';
import { cleanupHistory, constructHistory, type RevisionObject } from './history';
import { FailedPodBackoff, planNodes } from './manage';
import { NodeVerdicts } from './node-verdicts';
import { daemonPodFor, daemonPodTemplate, REVISION_HASH_LABEL, type DaemonSetObject } from './node-eligibility';
import { rolloutStep } from './rolling-update';
import { computeStatus, daemonSetStatus } from './status';

/** `BurstReplicas` of the DaemonSet controller. */
export const DS_BURST_REPLICAS = 250;

export class DaemonSetController {
  readonly queue: WorkQueue;
  private readonly byUid = new Map<string, DaemonSetObject>();
  private readonly expectations: Expectations;
  private readonly record;
  /** DaemonSets that may have orphans to adopt (an orphan matching their selector changed). */
  private readonly adopt = new Set<string>();
  /** What `history` last found, by DaemonSet uid. */
  private readonly revisions = new Map<string, { generation: number; name: string; hash: string; tolerations: Toleration[] }>();
  private readonly failedPods = new FailedPodBackoff();
  private readonly verdicts: NodeVerdicts;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'daemonset-controller');
    this.expectations = new Expectations(ctx.clock);
    this.record = ctx.events.for({ component: 'daemonset-controller' });
    this.verdicts = new NodeVerdicts(informers.for('nodes'));
    const dsInformer = informers.for('daemonsets');
    for (const ds of dsInformer.list()) this.dsChanged(ds as DaemonSetObject, 'ADDED');
    dsInformer.onChange((obj, _old, type) => this.dsChanged(obj as DaemonSetObject, type));
    informers.for('pods').onChange((obj, old, type) => this.podChanged(obj as PodObject, old as PodObject | undefined, type));
    informers.for('nodes').onChange((obj, old, type) => this.nodeChanged(obj as Node & KObject, old as (Node & KObject) | undefined, type));
    informers.for('controllerrevisions').onChange((obj, _old, type) => {
      const ref = controllerRef(obj);
      if (type === 'DELETED' && ref?.kind === 'DaemonSet') this.enqueueUid(ref.uid);
    });
  }

  private dsChanged(ds: DaemonSetObject, type: string): void {
    const uid = ds.metadata.uid!;
    if (type === 'DELETED') {
      this.byUid.delete(uid);
      this.revisions.delete(uid);
      this.verdicts.forget(uid);
      this.expectations.forget(keyOf(ds));
      return;
    }
    this.byUid.set(uid, ds);
    this.queue.add(keyOf(ds));
  }

  private enqueueUid(uid: string): DaemonSetObject | undefined {
    const ds = this.byUid.get(uid);
    if (ds) this.queue.add(keyOf(ds));
    return ds;
  }

  private podChanged(pod: PodObject, old: PodObject | undefined, type: string): void {
    const ref = controllerRef(pod);
    const oldRef = old ? controllerRef(old) : undefined;
    if (oldRef && oldRef.uid !== ref?.uid && oldRef.kind === 'DaemonSet') this.enqueueUid(oldRef.uid);
    if (ref) {
      if (ref.kind !== 'DaemonSet') return;
      const ds = this.enqueueUid(ref.uid);
      if (!ds) return;
      const key = keyOf(ds);
      if (type === 'ADDED') this.expectations.creationObserved(key);
      const nowDeleting = pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp;
      if (type === 'DELETED' ? !pod.metadata.deletionTimestamp : nowDeleting) this.expectations.deletionObserved(key);
      // updatePod: a pod that just turned Ready is available minReadySeconds later (plus a
      // second against skew); nothing else would wake a surge rollout waiting on it.
      const minReady = ds.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && old && isPodReady(pod) && !isPodReady(old)) this.queue.addAfter(key, minReady * 1000 + 1000);
      return;
    }
    if (type === 'DELETED' || this.byUid.size === 0) return;
    if (old && !oldRef && sameJson(old.metadata.labels, pod.metadata.labels)) return;
    for (const ds of this.byUid.values()) {
      if (ds.metadata.namespace !== pod.metadata.namespace) continue;
      if (!matchSelector(fromLabelSelector(ds.spec?.selector), pod.metadata.labels ?? {})) continue;
      this.adopt.add(keyOf(ds));
      this.queue.add(keyOf(ds));
    }
  }

  /** Nodes coming, going, or changing what decides placement: every DaemonSet looks again. */
  private nodeChanged(node: Node & KObject, old: (Node & KObject) | undefined, type: string): void {
    if (type === 'MODIFIED' && old) {
      const same = sameJson(node.metadata.labels, old.metadata.labels) && sameJson(node.spec?.taints, old.spec?.taints) && !!node.spec?.unschedulable === !!old.spec?.unschedulable;
      if (same) return;
    }
    this.verdicts.nodesChanged();
    for (const ds of this.byUid.values()) this.queue.add(keyOf(ds));
  }

  /** One level-triggered sync (`syncDaemonSet`); returns a delay to look again, if any. */
  sync(key: string): number | void {
    const ds = this.informers.for('daemonsets').get(...splitKey(key)) as DaemonSetObject | undefined;
    if (!ds) {
      this.expectations.forget(key);
      return;
    }
    // A DaemonSet being deleted: its history may already be gone; status is not recomputed.
    if (ds.metadata.deletionTimestamp) return;
    const history = this.history(ds);
    if (!history) return;
    const { hash, tolerations } = history;
    const names = this.verdicts.names();
    const verdicts = this.verdicts.of(ds, tolerations);
    const now = this.ctx.clock.now();
    let retry: number | undefined;
    // Pods by node, read again only after this sync wrote some.
    let pods = this.podsByNode(ds);
    if (this.expectations.satisfied(key)) {
      const plan = planNodes(ds, names, verdicts, pods, hash, now, this.failedPods);
      for (const pod of plan.failed) {
        this.record(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${pod.spec?.nodeName}, will try to kill it`);
      }
      if (this.syncNodes(ds, plan.remove, plan.create, hash)) pods = this.podsByNode(ds);
      retry = plan.retry;
      if (this.expectations.satisfied(key) && ds.spec?.updateStrategy?.type === 'RollingUpdate' && !this.rolledOut(ds, pods, hash)) {
        let wanted = 0;
        for (const v of verdicts.values()) if (v.shouldRun) wanted++;
        const step = rolloutStep(ds, pods, wanted, hash, now, (node) => !!verdicts.get(node)?.shouldRun);
        if (this.syncNodes(ds, step.remove, step.create, hash)) pods = this.podsByNode(ds);
      }
      if (history.old.length) {
        const live = new Set<string>();
        for (const list of pods.values()) for (const p of list) live.add(p.metadata.labels?.[REVISION_HASH_LABEL] ?? '');
        cleanupHistory(this.ctx, ds, history.old, live);
      }
    }
    const current = (this.informers.for('daemonsets').get(...splitKey(key)) as DaemonSetObject | undefined) ?? ds;
    const status = computeStatus(current, names, verdicts, forStatus(pods), hash, now);
    this.writeStatus(current, status);
    const minReady = current.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && status.numberReady !== (status.numberAvailable ?? 0)) retry = Math.min(retry ?? Infinity, minReady * 1000);
    return retry;
  }

  /**
   * The current revision's hash, the daemon tolerations and the old revisions. `constructHistory`
   * runs when the spec changed (a new generation) or the revision went away; other syncs (pods
   * changing state) reuse what it found.
   */
  private history(ds: DaemonSetObject): { hash: string; tolerations: Toleration[]; old: RevisionObject[] } | undefined {
    const uid = ds.metadata.uid!;
    const owned = this.informers.for('controllerrevisions').ownedBy(uid) as RevisionObject[];
    const cached = this.revisions.get(uid);
    if (cached && cached.generation === ds.metadata.generation && owned.some((r) => r.metadata.name === cached.name)) {
      return { hash: cached.hash, tolerations: cached.tolerations, old: owned.filter((r) => r.metadata.name !== cached.name) };
    }
    const found = constructHistory(this.ctx, this.informers, ds);
    if (!found) return undefined;
    const tolerations = daemonPodTemplate(ds, found.hash).spec?.tolerations ?? [];
    this.revisions.set(uid, { generation: ds.metadata.generation ?? 0, name: found.current.metadata.name!, hash: found.hash, tolerations });
    return { hash: found.hash, tolerations, old: found.old };
  }

  /** Every pod of the DaemonSet carries the current hash: no rollout step to take. */
  private rolledOut(ds: DaemonSetObject, pods: ReadonlyMap<string, PodObject[]>, hash: string): boolean {
    for (const list of pods.values()) for (const p of list) if (p.metadata.labels?.[REVISION_HASH_LABEL] !== hash) return false;
    return true;
  }

  /** `syncNodes`: deletes, then creates in slow-start batches, with expectations and events. True when it wrote. */
  private syncNodes(ds: DaemonSetObject, remove: PodObject[], create: string[], hash: string): boolean {
    const key = keyOf(ds);
    const creates = create.slice(0, DS_BURST_REPLICAS);
    const deletes = remove.slice(0, DS_BURST_REPLICAS);
    if (creates.length === 0 && deletes.length === 0) return false;
    this.expectations.expectCreations(key, creates.length);
    this.expectations.expectDeletions(key, deletes.length);
    const template = daemonPodTemplate(ds, hash);
    let next = 0;
    const { successes } = slowStartBatch(creates.length, SLOW_START_INITIAL_BATCH, () => this.createPod(ds, daemonPodFor(ds, template, creates[next++])));
    for (let i = successes; i < creates.length; i++) this.expectations.creationObserved(key);
    for (const pod of deletes) {
      try {
        this.ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name!);
        this.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        this.expectations.deletionObserved(key);
        if (e.reason !== 'NotFound') this.record(ds, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`);
      }
    }
    return true;
  }

  private createPod(ds: DaemonSetObject, pod: KObject): Error | undefined {
    try {
      const made = this.ctx.api.create('pods', ds.metadata.namespace, pod, { bodyOwned: true });
      this.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${made.metadata.name}`);
      return undefined;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (isNamespaceTerminating(e)) return undefined;
      this.record(ds, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
      return e;
    }
  }

  /** The DaemonSet's pods by node, adopting matching orphans first when one was seen. */
  private podsByNode(ds: DaemonSetObject): Map<string, PodObject[]> {
    if (this.adopt.delete(keyOf(ds))) adoptOrphans(this.ctx, this.informers, ds);
    return podsByNode(this.informers, ds);
  }

  private writeStatus(ds: DaemonSetObject, status: ReturnType<typeof computeStatus>): void {
    if (sameJson(status, daemonSetStatus(ds.status ?? {}))) return;
    try {
      this.ctx.api.updateStatus('daemonsets', ds.metadata.namespace, { ...ds, status });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

export function startDaemonSetController(ctx: SimContext, informers: SharedInformers): DaemonSetController {
  return new DaemonSetController(ctx, informers);
}
