/**
 * The taint eviction controller (pkg/controller/tainteviction, `taint-eviction-controller`):
 * a pod on a node with `NoExecute` taints is deleted at once unless it tolerates them all; if
 * it tolerates them for `tolerationSeconds` (the `unreachable`/`not-ready` 300 s come from the
 * DefaultTolerationSeconds admission plugin) it is deleted when the shortest runs out; if for
 * ever (a DaemonSet's pods tolerate unreachable) it stays. Deleting first sets the
 * `DisruptionTarget` condition. The taints lifted in time cancel the deletion, with an event.
 * Only nodes with NoExecute taints cost anything: pods elsewhere are not looked at.
 */
import type { Node, Taint, Toleration } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import type { PodObject } from '../../kinds/apps/workload-types';
import { tolerates } from '../../scheduler/plugins';

const ACTOR = 'taint-eviction-controller';

/**
 * `GetMatchingTolerations` + `getMinTolerationTime` for one taint list: -1 when some taint is not
 * tolerated (evict now), undefined when every matching toleration is unlimited, else the shortest.
 */
export function tolerationMs(tolerations: readonly Toleration[] | undefined, ...taints: Taint[]): number | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const matching = (tolerations ?? []).filter((t) => tolerates(t, taint));
    if (matching.length === 0) return -1;
    used.push(...matching);
  }
  let min: number | undefined;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    const ms = Math.max(0, t.tolerationSeconds) * 1000;
    min = min === undefined ? ms : Math.min(min, ms);
  }
  return min;
}

function noExecute(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

export class TaintEviction {
  /** NoExecute taints of the nodes that have some. */
  private readonly tainted = new Map<string, Taint[]>();
  /** Scheduled deletions by pod key. */
  private readonly work = new Map<string, { timer: number; createdAt: number; uid: string }>();
  private readonly record;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.record = ctx.events.for({ component: ACTOR });
    informers.for('nodes').onChange((obj, old, type) => {
      const name = obj.metadata.name!;
      const taints = type === 'DELETED' ? [] : noExecute(obj as Node);
      if (sameJson(taints, noExecute(old as Node | undefined)) && type !== 'DELETED') return;
      if (taints.length) this.tainted.set(name, taints);
      else this.tainted.delete(name);
      // Not from inside the watch handler: the pods are looked at a moment later.
      ctx.clock.after(0, () => this.processNode(name), ACTOR);
    });
    informers.for('pods').onChange((obj, old, type) => {
      // Every pod write comes here; most clusters have no NoExecute taint and nothing pending.
      const pod = obj as PodObject;
      if (type === 'DELETED') return this.work.size ? this.cancel(podKey(pod), false) : undefined;
      const node = pod.spec?.nodeName;
      if (!node || !this.tainted.has(node)) return;
      const before = old as PodObject | undefined;
      if (before && before.spec?.nodeName === node && sameJson(before.spec?.tolerations, pod.spec?.tolerations)) return;
      const key = podKey(pod);
      ctx.clock.after(0, () => this.processPod(key), ACTOR);
    });
  }

  private processNode(node: string): void {
    for (const pod of this.informers.for('pods').list() as PodObject[]) {
      if (pod.spec?.nodeName === node) this.processPod(`${pod.metadata.namespace}/${pod.metadata.name}`);
    }
  }

  /** `processPodOnNode`. */
  private processPod(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.informers.for('pods').get(ns, name) as PodObject | undefined;
    if (!pod || pod.metadata.deletionTimestamp) return this.cancel(key, false);
    const taints = this.tainted.get(pod.spec?.nodeName ?? '') ?? [];
    if (taints.length === 0) return this.cancel(key, true);
    const ms = tolerationMs(pod.spec?.tolerations, ...taints);
    if (ms === undefined) return this.cancel(key, true);
    const now = this.ctx.clock.now();
    const existing = this.work.get(key);
    const startedAt = ms >= 0 && existing ? existing.createdAt : now;
    const trigger = startedAt + Math.max(0, ms);
    if (existing) this.cancel(key, false);
    const uid = pod.metadata.uid!;
    const timer = this.ctx.clock.at(trigger, () => {
      this.work.delete(key);
      this.evict(key, uid);
    }, ACTOR);
    this.work.set(key, { timer, createdAt: startedAt, uid });
  }

  private cancel(key: string, withEvent: boolean): void {
    const w = this.work.get(key);
    if (!w) return;
    this.ctx.clock.cancel(w.timer);
    this.work.delete(key);
    if (!withEvent) return;
    const [ns, name] = key.split('/');
    const pod = this.informers.for('pods').get(ns, name) as PodObject | undefined;
    if (pod) this.record(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  /** `addConditionAndDeletePod`, after the TaintManagerEviction event. */
  private evict(key: string, uid: string): void {
    const [ns, name] = key.split('/');
    const pod = this.ctx.api.tryGet('pods', ns, name) as PodObject | undefined;
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) return;
    this.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    try {
      const now = this.ctx.clock.timestamp();
      const conditions = [
        ...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
        { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: now, lastProbeTime: null },
      ];
      this.ctx.api.updateStatus('pods', ns, { ...pod, status: { ...pod.status, conditions } } as unknown as KObject);
      this.ctx.api.delete('pods', ns, name, { preconditions: { uid } });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

function podKey(pod: PodObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
