/**
 * The probe workers of one pod (prober_manager.go AddPod): one per container and probe type,
 * for regular containers and restartable (sidecar) init containers. The pod worker tells it
 * when containers start, stop or become started; it answers with result changes.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Clock } from '../../core/clock';
import { tickerStart } from './jitter';
import type { ProbeType } from './outcome';
import { ProbeWorker, type Result, type RunningInstance } from './probe-worker';
import type { ProbeTarget } from './target';

/** What the pod's probes need from its pod worker. */
export interface PodProbeHost {
  clock: Clock;
  actor: string;
  instance(container: string): RunningInstance | undefined;
  target(): ProbeTarget | undefined;
  /** A Warning event on the container. */
  event(container: string, reason: string, message: string): void;
  resultChanged(container: string, type: ProbeType, result: Result): void;
}

/** How long after a container starts the kubelet's next pod sync sees it (PLEG relist). */
export const SYNC_AFTER_START_MS = 1000;

export class PodProber {
  private readonly workers: ProbeWorker[] = [];

  /** undefined when no container of the pod has a probe (nothing to run). */
  /** `host` is made only for a pod with probes: most pods have none, and start by the thousand. */
  static forPod(host: () => PodProbeHost, pod: Pod, kubeletStartedAt: number): PodProber | undefined {
    const spec = pod.spec!;
    const containers = [...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'), ...spec.containers];
    if (!containers.some((c) => c.livenessProbe || c.readinessProbe || c.startupProbe)) return undefined;
    return new PodProber(host(), containers, pod.metadata!.uid!, kubeletStartedAt);
  }

  private constructor(host: PodProbeHost, containers: Container[], uid: string, kubeletStartedAt: number) {
    const addedAt = host.clock.now();
    const workerHost = {
      now: () => host.clock.now(),
      at: (t: number, fn: () => void) => host.clock.at(t, fn, host.actor),
      cancel: (id: number) => host.clock.cancel(id),
      instance: (n: string) => host.instance(n),
      target: () => host.target(),
      event: (n: string, reason: string, message: string) => host.event(n, reason, message),
      resultChanged: (n: string, type: ProbeType, r: Result) => host.resultChanged(n, type, r),
    };
    for (const c of containers) {
      const probes: Array<[ProbeType, Container['livenessProbe']]> = [['Startup', c.startupProbe], ['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe]];
      for (const [type, probe] of probes) {
        if (!probe) continue;
        const anchor = tickerStart(addedAt, kubeletStartedAt, (probe.periodSeconds ?? 10) * 1000, uid, c.name, type);
        this.workers.push(new ProbeWorker(workerHost, type, c, probe, anchor));
      }
    }
  }

  /** A container started: its workers plan their runs; the sync after it triggers readiness. */
  containerStarted(container: string, at: number): void {
    for (const w of this.of(container)) {
      w.wake();
      if (w.type === 'Readiness') w.trigger(at + SYNC_AFTER_START_MS);
    }
  }

  /** A container stopped (or its started flag changed): its workers re-plan. */
  changed(container: string): void {
    for (const w of this.of(container)) w.wake();
  }

  /** The startup probe succeeded: liveness and readiness begin; the pod sync triggers readiness now. */
  startupSucceeded(container: string, at: number): void {
    for (const w of this.of(container)) {
      w.wake();
      if (w.type === 'Readiness') w.trigger(at);
    }
  }

  stop(): void {
    for (const w of this.workers) w.stop();
  }

  /** Probe runs so far, all workers (bench). */
  runs(): number {
    return this.workers.reduce((n, w) => n + w.runCount, 0);
  }

  private of(container: string): ProbeWorker[] {
    return this.workers.filter((w) => w.containerName === container);
  }
}
