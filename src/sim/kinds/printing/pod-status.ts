/**
 * The pod columns of `kubectl get pods`: READY, STATUS and RESTARTS, computed exactly as
 * kubernetes' `printPod` (pkg/printers/internalversion/printers.go, 1.32) does, including
 * sidecar (restartable init) containers. Pure: the UI colours pods by `podStatus`.
 */
import type { ContainerStatus, Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { humanDuration } from './age';

export interface PodColumns {
  /** `ready/total`. */
  ready: string;
  status: string;
  /** `N` or `N (<age> ago)`. */
  restarts: string;
}

/** READY, STATUS and RESTARTS of a pod at virtual time `nowMs`. */
export function podColumns(obj: KObject, nowMs: number): PodColumns {
  // Stored pods are Pod JSON (the api-server decoded them as such).
  const pod = obj as Pod & KObject;
  const spec: Partial<PodSpec> = pod.spec ?? {};
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;

  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  for (const c of conditions) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const sidecars = new Set<string>();
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      sidecars.add(c.name);
      totalContainers++;
    }
  }
  const initCount = (spec.initContainers ?? []).length;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const finished = terminatedAt(c);
    if (finished > lastRestart) lastRestart = finished;
    const isSidecar = sidecars.has(c.name);
    if (isSidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      if (finished > lastSidecarRestart) lastSidecarRestart = finished;
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (isSidecar && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = conditions.find((c) => c.type === 'Initialized')?.status === 'True';
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const finished = terminatedAt(c);
      if (finished > lastRestart) lastRestart = finished;
      const term = c.state?.terminated;
      const wait = c.state?.waiting;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart > 0) restartsText = `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

/** The STATUS column of `kubectl get pods` (`Running`, `CrashLoopBackOff`, `Init:0/1`, `Terminating`…). */
export function podStatus(pod: KObject): string {
  return podColumns(pod, 0).status;
}

function terminatedAt(c: ContainerStatus): number {
  const at = c.lastState?.terminated?.finishedAt;
  if (!at) return 0;
  const t = Date.parse(at);
  return Number.isNaN(t) ? 0 : t;
}
