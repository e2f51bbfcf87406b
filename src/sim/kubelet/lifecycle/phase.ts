/**
 * The pod phase from its containers' states: kubelet's getPhase (pkg/kubelet/kubelet_pods.go,
 * 1.32), sidecars included: a running sidecar keeps the pod Running, a stopped one does not
 * count, and one not yet started keeps an uninitialized pod Pending.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ContainerView, PodView } from '../pod-status';

export function podPhase(pod: Pod, view: PodView): string {
  if (view.forcedPhase) return view.forcedPhase;
  const spec = pod.spec;
  const restartPolicy = spec?.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let pendingSidecars = 0;
  let failedInit = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  (spec?.initContainers ?? []).forEach((c, i) => {
    const s = view.initContainers[i];
    if (c.restartPolicy === 'Always') {
      if (!s) return unknown++;
      if ('running' in s.state) {
        if (!s.started) pendingSidecars++;
        running++;
      } else if ('waiting' in s.state && !s.lastState) {
        pendingSidecars++;
        waiting++;
      }
      return; // a stopped sidecar does not count
    }
    if (!s || 'running' in s.state) return pendingInit++;
    if ('terminated' in s.state) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.lastState) {
      if (s.lastState.exitCode !== 0) failedInit++;
    } else pendingInit++;
  });
  (spec?.containers ?? []).forEach((_, i) => {
    const s = view.containers[i];
    if (!s) return unknown++;
    if ('running' in s.state) running++;
    else if ('terminated' in s.state) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState) stopped++;
    else waiting++;
  });
  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 || (pendingSidecars > 0 && !anyRegularStarted(view.containers)) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (view.terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** kubecontainer.HasAnyRegularContainerStarted: one is running or has terminated. */
export function anyRegularStarted(containers: ContainerView[]): boolean {
  return containers.some((c) => 'running' in c.state || 'terminated' in c.state);
}
