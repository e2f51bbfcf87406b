/**
 * The STATUS column of `kubectl get pods`, as kubectl's printPod computes it (k8s-behaviour §4),
 * so that a `podCount` check with `status: Running` means what the learner sees in the terminal.
 * Kept here so the evaluator does not depend on the printers; both follow printers.go.
 */
import type { KObject } from '../sim/object';

interface ContainerState {
  waiting?: { reason?: string };
  running?: unknown;
  terminated?: { reason?: string; exitCode?: number; signal?: number };
}

interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  state?: ContainerState;
}

interface PodLike {
  spec?: { initContainers?: { name: string; restartPolicy?: string }[] };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: { type: string; status: string; reason?: string }[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

export function podStatusColumn(pod: KObject): string {
  const { spec, status } = pod as unknown as PodLike;
  const conditions = status?.conditions ?? [];
  let reason = status?.reason || status?.phase || '';
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initSpecs = spec?.initContainers ?? [];
  const initStatuses = status?.initContainerStatuses ?? [];
  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    const sidecar = initSpecs.find((s) => s.name === c.name)?.restartPolicy === 'Always';
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started) continue;
    if (terminated) {
      reason = terminated.reason ? `Init:${terminated.reason}` : terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  const initialized = conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    let hasRunning = false;
    const statuses = status?.containerStatuses ?? [];
    // Last to first, so that the first container's state wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const state = statuses[i].state ?? {};
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated?.reason) reason = state.terminated.reason;
      else if (state.terminated) reason = state.terminated.signal ? `Signal:${state.terminated.signal}` : `ExitCode:${state.terminated.exitCode ?? 0}`;
      else if (statuses[i].ready && state.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  const terminal = status?.phase === 'Succeeded' || status?.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  return reason;
}
