/**
 * The taint eviction controller (pkg/controller/tainteviction, `taint-eviction-controller`):
 * when a node gets the `unreachable` NoExecute taint, each pod on it that does not tolerate it
 * is deleted at once; one that tolerates it for `tolerationSeconds` (300 s from the
 * DefaultTolerationSeconds admission plugin) is deleted when that runs out; one that tolerates
 * it for ever (a DaemonSet's pods) stays. Deleting first sets the `DisruptionTarget` condition;
 * the pod then stays Terminating until its kubelet comes back. The taint lifted in time cancels
 * the deletion.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import type { PodObject } from '../../kinds/apps/workload-types';
import { tolerates } from '../../scheduler/plugins';

const ACTOR = 'taint-eviction-controller';
const UNREACHABLE_NO_EXECUTE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

/** `getMinTolerationTime`: undefined when a matching toleration has no limit; -1 when none matches. */
export function tolerationMs(tolerations: readonly Toleration[] | undefined, taint: Taint): number | undefined {
  const matching = (tolerations ?? []).filter((t) => tolerates(t, taint));
  if (matching.length === 0) return -1;
  let min: number | undefined;
  for (const t of matching) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    const ms = Math.max(0, t.tolerationSeconds) * 1000;
    min = min === undefined ? ms : Math.min(min, ms);
  }
  return min;
}

export class TaintEviction {
  /** Scheduled deletions by node, then pod key. */
  private readonly scheduled = new Map<string, Map<string, number>>();
  private readonly record;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.record = ctx.events.for({ component: ACTOR });
  }

  nodeTainted(node: string, addedAt: number): void {
    const pods = (this.informers.for('pods').list() as PodObject[]).filter((p) => p.spec?.nodeName === node && !p.metadata.deletionTimestamp);
    const timers = new Map<string, number>();
    this.scheduled.set(node, timers);
    for (const pod of pods) {
      const ms = tolerationMs(pod.spec?.tolerations, UNREACHABLE_NO_EXECUTE);
      if (ms === undefined) continue;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const uid = pod.metadata.uid!;
      if (ms < 0) {
        this.evict(key, uid);
        continue;
      }
      timers.set(key, this.ctx.clock.at(addedAt + ms, () => {
        timers.delete(key);
        this.evict(key, uid);
      }, ACTOR));
    }
  }

  /** The taint was lifted: scheduled deletions are cancelled, each with an event. */
  nodeUntainted(node: string): void {
    const timers = this.scheduled.get(node);
    this.scheduled.delete(node);
    for (const [key, timer] of timers ?? []) {
      this.ctx.clock.cancel(timer);
      const [ns, name] = key.split('/');
      const pod = this.informers.for('pods').get(ns, name) as PodObject | undefined;
      if (pod) this.record(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
    }
  }

  nodeGone(node: string): void {
    for (const timer of this.scheduled.get(node)?.values() ?? []) this.ctx.clock.cancel(timer);
    this.scheduled.delete(node);
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
