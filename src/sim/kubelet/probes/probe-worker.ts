/**
 * One container's probe of one type, as pkg/kubelet/prober/worker.go runs it: a ticker every
 * periodSeconds from the moment the pod was added (after a random part of a period when the
 * kubelet itself started less than a period ago), each tick's doProbe skipping while the
 * container is not running, within initialDelaySeconds, not yet started (liveness, readiness)
 * or already started (startup), or on hold after a liveness/startup failure until a new
 * container appears. A result counts once it repeats successThreshold/failureThreshold times.
 *
 * Only ticks that would probe are scheduled (a timer per run, nothing polls), and the host
 * hears of a result only when it changes: cost follows probe runs, status writes follow changes.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ProcessPlan } from '../container-process';
import type { ProbeOutcome, ProbeType } from './outcome';
import { runProbe } from './run-probe';
import type { ProbeTarget } from './target';

export type Result = 'success' | 'failure';

/** A running container instance, as the status manager knows it. */
export interface RunningInstance {
  containerID: string;
  startedAt: number;
  plan: ProcessPlan;
  /** status.started: no startup probe, or it has succeeded. */
  started: boolean;
}

/** What a probe worker needs from its pod worker. */
export interface ProbeHost {
  now(): number;
  at(time: number, fn: () => void): number;
  cancel(timer: number): void;
  instance(container: string): RunningInstance | undefined;
  target(): ProbeTarget | undefined;
  /** An Unhealthy/ProbeWarning event on the container. */
  event(container: string, reason: string, message: string): void;
  /** The published result changed (results manager Set with a new value). */
  resultChanged(container: string, type: ProbeType, result: Result): void;
}

export class ProbeWorker {
  private containerID: string | undefined;
  private lastResult: Result | undefined;
  private resultRun = 0;
  private onHold = false;
  private published: Result | undefined;
  private timer: number | undefined;
  private timerAt = Infinity;
  private manualAt = Infinity;
  private stopped = false;
  private runs = 0;
  /** The last instant doProbe ran: the next run is strictly later. */
  private lastRunAt = -Infinity;
  private readonly periodMs: number;
  /** The container instance whose steady server already passed this probe: no more runs for it. */
  private settledOn: string | undefined;

  /** `anchor`: when the ticker starts (pod added + jitter, see probe-jitter.ts). */
  constructor(
    private readonly host: ProbeHost,
    readonly type: ProbeType,
    private readonly container: Container,
    private readonly probe: Probe,
    private readonly anchor: number,
  ) {
    this.periodMs = (probe.periodSeconds ?? 10) * 1000;
  }

  /** Something the worker depends on changed (container started or stopped, started flag): re-plan. */
  wake(): void {
    this.reschedule();
  }

  /** prober_manager UpdatePodStatus's manual trigger: an extra run at `at`, the ticker unchanged. */
  trigger(at: number): void {
    this.manualAt = Math.min(this.manualAt, at);
    this.reschedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.host.cancel(this.timer);
    this.timer = undefined;
  }

  get containerName(): string {
    return this.container.name;
  }

  /** Probe runs so far (tests, bench). */
  get runCount(): number {
    return this.runs;
  }

  /** The next instant doProbe would actually probe, Infinity when it would only skip. */
  private nextProbeAt(now: number): number {
    const inst = this.host.instance(this.container.name);
    if (!inst) return Infinity;
    if (this.onHold && inst.containerID === this.containerID) return Infinity;
    if (this.settledOn === inst.containerID) return Infinity;
    if (this.type === 'Startup' ? inst.started : !inst.started) return Infinity;
    // `int32(time.Since(startedAt).Seconds()) < initialDelaySeconds` skips: whole seconds count.
    const delayEnds = inst.startedAt + (this.probe.initialDelaySeconds ?? 0) * 1000;
    const earliest = Math.max(now, delayEnds, this.lastRunAt + 1);
    const tick = earliest <= this.anchor ? this.anchor : this.anchor + Math.ceil((earliest - this.anchor) / this.periodMs) * this.periodMs;
    // A manual run inside the initial delay would only skip.
    return this.manualAt >= earliest ? Math.min(tick, this.manualAt) : tick;
  }

  private reschedule(): void {
    if (this.stopped) return;
    const now = this.host.now();
    if (this.manualAt < now) this.manualAt = Infinity;
    const next = this.nextProbeAt(now);
    if (next === this.timerAt && this.timer !== undefined) return;
    if (this.timer !== undefined) this.host.cancel(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next !== Infinity) this.timer = this.host.at(next, () => this.tick());
  }

  private tick(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.host.now();
    const due = this.nextProbeAt(now) === now;
    if (this.manualAt <= now) this.manualAt = Infinity;
    if (due) {
      this.lastRunAt = now;
      this.doProbe(now);
    }
    this.reschedule();
  }

  private doProbe(now: number): void {
    const inst = this.host.instance(this.container.name)!;
    const target = this.host.target();
    if (!target) return;
    if (inst.containerID !== this.containerID) {
      this.containerID = inst.containerID;
      this.onHold = false;
      this.publish(this.type === 'Liveness' ? 'success' : this.type === 'Readiness' ? 'failure' : undefined);
    }
    const run = ++this.runs;
    const outcome = runProbe({ probe: this.probe, container: this.container, target, plan: inst.plan, startedAt: inst.startedAt, at: now, execId: () => execId(inst.containerID, this.type, run) });
    this.record(outcome);
    // prober.go: an errored probe's result is thrown away.
    if (outcome.error !== undefined) return;
    const result: Result = outcome.result === 'success' || outcome.result === 'warning' ? 'success' : 'failure';
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const threshold = result === 'failure' ? (this.probe.failureThreshold ?? 3) : (this.probe.successThreshold ?? 1);
    if (this.resultRun < threshold) return;
    this.publish(result);
    // A steady server (ServerBehaviour.steadyHealth) answers the same until its container changes.
    if (result === 'success' && outcome.result === 'success' && inst.plan.server?.steadyHealth && !this.probe.exec) this.settledOn = inst.containerID;
    if (this.type !== 'Readiness' && result === 'failure') {
      // Restarting: stop probing until a new container ID appears (worker.go, #21751).
      this.onHold = true;
      this.resultRun = 0;
    }
  }

  private record(o: ProbeOutcome): void {
    const name = this.container.name;
    if (o.error !== undefined) this.host.event(name, 'Unhealthy', `${this.type} probe errored and resulted in unknown state: ${o.error}`);
    else if (o.result === 'failure') this.host.event(name, 'Unhealthy', `${this.type} probe failed: ${o.output}`);
    else if (o.result === 'warning') this.host.event(name, 'ProbeWarning', `${this.type} probe warning: ${o.output}`);
  }

  private publish(result: Result | undefined): void {
    if (result === this.published) return;
    this.published = result;
    if (result) this.host.resultChanged(this.container.name, this.type, result);
  }
}

/** A stable 64-hex exec id for CRI messages (containerd makes a random one). */
function execId(containerID: string, type: string, n: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${containerID}/${type}/${n}/${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
