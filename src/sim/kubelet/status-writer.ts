/**
 * The pod worker's status writes (the kubelet's status manager): the status built from its
 * view against the latest object, written only when it changed, and the node told when the
 * pod reaches a terminal phase.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../core/object';
import { sameJson } from '../core/json-equal';
import { buildPodStatus, type PodView } from './pod-status';
import type { NodeRuntime } from './runtime';

export class StatusWriter {
  /** The status last written, to skip writes that would change nothing. */
  private last: unknown = undefined;

  constructor(private readonly rt: NodeRuntime, private readonly ns: string, private readonly name: string, private readonly uid: string) {}

  write(view: PodView): void {
    const latest = this.rt.ctx.api.tryGet('pods', this.ns, this.name) as unknown as Pod | undefined;
    if (!latest || latest.metadata?.uid !== this.uid) return;
    const status = buildPodStatus(latest, view, this.rt.clock.timestamp());
    if (this.last !== undefined && sameJson(status, this.last)) return;
    this.last = status;
    this.rt.ctx.api.updateStatus('pods', this.ns, { ...(latest as unknown as KObject), status });
    if (status.phase === 'Succeeded' || status.phase === 'Failed') this.rt.podTerminal(this.ns, this.name);
  }
}
