/**
 * The Deployment controller (pkg/controller/deployment): claims ReplicaSets, then per sync
 * either scales proportionally (scaling event or paused) or makes one rollout step of its
 * strategy, and keeps status and conditions current. The maths lives in deployment-*.ts.
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { fromLabelSelector, matchSelector } from '../../core/labels';
import { clone, controllerRef, ownerRefTo } from '../../core/object';
import { Backoff } from '../../informers/backoff';
import { isScalingEvent, rolloutRecreate, rolloutRolling, syncScaleOrPaused } from './deployment-rollout';
import { checkPausedConditions, syncDeploymentStatus } from './deployment-status';
import { DeploymentSync } from './deployment-sync';
import { cloneDeployment, findOldReplicaSets, findNewReplicaSet } from './deployment-util';
import { keyOf, splitKey } from '../../core/keys';
import type { SharedInformers } from '../../informers/shared-informers';
import type { DeploymentObject, PodObject, ReplicaSetObject } from '../../kinds/apps/workload-types';
import { WorkQueue } from '../../informers/workqueue';
import { sameJson } from '../../core/json-equal';

export class DeploymentController {
  readonly queue: WorkQueue;
  private readonly byUid = new Map<string, DeploymentObject>();
  private readonly backoff = new Backoff();
  private readonly record;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'deployment-controller');
    this.record = ctx.events.for({ component: 'deployment-controller' });
    const deployments = informers.for('deployments');
    for (const d of deployments.list()) this.deploymentChanged(d as DeploymentObject, 'ADDED');
    deployments.onChange((obj, _old, type) => this.deploymentChanged(obj as DeploymentObject, type));
    informers.for('replicasets').onChange((obj, old, type) => this.replicaSetChanged(obj as ReplicaSetObject, old as ReplicaSetObject | undefined, type));
    informers.for('pods').onChange((obj, _old, type) => {
      if (type === 'DELETED') this.podDeleted(obj as PodObject);
    });
  }

  private deploymentChanged(d: DeploymentObject, type: string): void {
    if (type === 'DELETED') {
      this.byUid.delete(d.metadata.uid!);
      this.backoff.forget(keyOf(d));
      return;
    }
    this.byUid.set(d.metadata.uid!, d);
    this.queue.add(keyOf(d));
  }

  private replicaSetChanged(rs: ReplicaSetObject, old: ReplicaSetObject | undefined, type: string): void {
    const ref = controllerRef(rs);
    const oldRef = old ? controllerRef(old) : undefined;
    if (oldRef && oldRef.uid !== ref?.uid) this.enqueueRef(oldRef);
    if (ref) {
      this.enqueueRef(ref);
      return;
    }
    if (type === 'DELETED') return;
    const labelsChanged = !old || oldRef || !sameJson(old.metadata.labels, rs.metadata.labels);
    if (!labelsChanged) return;
    for (const d of this.informers.for('deployments').list(rs.metadata.namespace)) {
      if (matchSelector(fromLabelSelector((d as DeploymentObject).spec?.selector), rs.metadata.labels ?? {})) this.queue.add(keyOf(d));
    }
  }

  /** Recreate waits for old pods to be gone: their deletion wakes the Deployment. */
  private podDeleted(pod: PodObject): void {
    const ref = controllerRef(pod);
    if (ref?.kind !== 'ReplicaSet') return;
    const rs = this.informers.for('replicasets').get(pod.metadata.namespace, ref.name);
    const owner = rs ? controllerRef(rs) : undefined;
    const d = owner ? this.byUid.get(owner.uid) : undefined;
    if (d && d.spec?.strategy?.type === 'Recreate') this.queue.add(keyOf(d));
  }

  private enqueueRef(ref: OwnerReference): void {
    if (ref.kind !== 'Deployment') return;
    const d = this.byUid.get(ref.uid);
    if (d) this.queue.add(keyOf(d));
  }

  /** One sync of a Deployment (`syncDeployment`); returns a delay to look again, if any. */
  sync(key: string): number | void {
    const stored = this.informers.for('deployments').get(...splitKey(key)) as DeploymentObject | undefined;
    if (!stored) return;
    const d = cloneDeployment(stored);
    const sel = d.spec?.selector;
    if (sel && Object.keys(sel).length === 0) {
      this.record(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        this.ctx.api.updateStatus('deployments', d.metadata.namespace, { ...stored, status: { ...(d.status ?? {}), observedGeneration: d.metadata.generation } });
      }
      return;
    }
    try {
      const rsList = this.claimReplicaSets(d);
      const s = new DeploymentSync(this.ctx, this.record, d, rsList, (uid) => this.informers.for('pods').ownedBy(uid).filter((p) => controllerRef(p)?.uid === uid) as PodObject[]);
      if (d.metadata.deletionTimestamp) {
        const { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(false);
        syncDeploymentStatus(s, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
      } else {
        checkPausedConditions(s);
        if (s.d.spec?.paused || isScalingEvent(s)) syncScaleOrPaused(s);
        else if (s.d.spec?.strategy?.type === 'Recreate') rolloutRecreate(s);
        else rolloutRolling(s);
      }
      this.backoff.forget(key);
      return s.requeueAfter;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return this.backoff.next(key);
    }
  }

  /** `ClaimReplicaSets`: adopt matching orphans, release owned ones that stopped matching. */
  private claimReplicaSets(d: DeploymentObject): ReplicaSetObject[] {
    const selector = fromLabelSelector(d.spec?.selector);
    const uid = d.metadata.uid!;
    const out: ReplicaSetObject[] = [];
    const all = this.informers.for('replicasets').list(d.metadata.namespace) as ReplicaSetObject[];
    all.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    for (const rs of all) {
      const ref = controllerRef(rs);
      const matches = matchSelector(selector, rs.metadata.labels ?? {});
      if (ref) {
        if (ref.uid !== uid) continue;
        if (matches) out.push(rs);
        else if (!rs.metadata.deletionTimestamp) this.setRefs(rs, (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid));
        continue;
      }
      if (!matches || d.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
      const adopted = this.setRefs(rs, [...(rs.metadata.ownerReferences ?? []), ownerRefTo(d)]);
      if (adopted) out.push(adopted);
    }
    return out;
  }

  private setRefs(rs: ReplicaSetObject, refs: OwnerReference[]): ReplicaSetObject | undefined {
    const metadata = { ...rs.metadata, ownerReferences: refs };
    if (!refs.length) delete (metadata as { ownerReferences?: OwnerReference[] }).ownerReferences;
    try {
      return this.ctx.api.update('replicasets', rs.metadata.namespace, { ...rs, metadata }) as ReplicaSetObject;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return undefined;
    }
  }
}

export function startDeploymentController(ctx: SimContext, informers: SharedInformers): DeploymentController {
  return new DeploymentController(ctx, informers);
}

// Helpers kubectl needs (rollout history/undo/status) are re-exported from one place.
export { findNewReplicaSet, findOldReplicaSets };
