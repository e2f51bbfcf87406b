/**
 * The pod garbage collector's orphan sweep (pkg/controller/podgc, gcOrphaned): pods bound to a
 * node that has been gone for the 40 s quarantine are marked Failed with a DisruptionTarget
 * condition (`DeletionByPodGC`) and deleted at once — how a DaemonSet's pods (and any others)
 * leave with their node. The collector looks every 20 s; only deleted nodes start a look here.
 */
import type { PodCondition } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { SharedInformers } from '../../informers/shared-informers';
import type { PodObject } from '../../kinds/apps/workload-types';

const GC_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;

export class PodGC {
  private readonly startedAt: number;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.startedAt = ctx.clock.now();
    informers.for('nodes').onChange((node, _old, type) => {
      if (type === 'DELETED') this.nodeGone(node.metadata.name!);
    });
  }

  /** The first 20 s tick after the quarantine ends sweeps the node's pods, if it is still gone. */
  private nodeGone(name: string): void {
    const due = this.ctx.clock.now() + QUARANTINE_MS;
    const tick = this.startedAt + Math.ceil((due - this.startedAt) / GC_PERIOD_MS) * GC_PERIOD_MS;
    this.ctx.clock.at(tick, () => this.sweep(name), 'pod-garbage-collector');
  }

  private sweep(node: string): void {
    if (this.informers.for('nodes').get(undefined, node)) return;
    const orphans = (this.informers.for('pods').list() as PodObject[]).filter((p) => p.spec?.nodeName === node);
    for (const pod of orphans.sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1))) {
      this.markFailedAndDelete(pod);
    }
  }

  private markFailedAndDelete(pod: PodObject): void {
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name!;
    try {
      const status = { ...(pod.status ?? {}) };
      if (status.phase !== 'Succeeded' && status.phase !== 'Failed') status.phase = 'Failed';
      // lastProbeTime is null in the JSON, as Go's zero metav1.Time marshals.
      const condition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: this.ctx.clock.timestamp(), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' } as unknown as PodCondition;
      status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
      this.ctx.api.updateStatus('pods', ns, { ...pod, status });
      this.ctx.api.delete('pods', ns, name, { gracePeriodSeconds: 0 });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

export function startPodGC(ctx: SimContext, informers: SharedInformers): PodGC {
  return new PodGC(ctx, informers);
}
