/**
 * A container's exit and what the kubelet does next: the Terminated status, the instance's
 * files and log closed, and the restart check with CrashLoopBackOff (kuberuntime doBackOff).
 */
import type { Container } from 'kubernetes-types/core/v1';
import { goDuration } from '../backoff';
import type { RunningContainer } from '../exec/sandbox';
import type { ContainerView } from '../pod-status';
import type { NodeRuntime } from '../runtime';

/** How long after a container exits the kubelet notices (PLEG relist period). */
export const PLEG_MS = 1000;

/** What an exit needs of a worker's container. */
export interface Exiting {
  spec: Container;
  init: boolean;
  sidecar: boolean;
  view: ContainerView;
  actions: Array<{ kind: string; at: number }>;
  startedAtTs?: string;
  stoppedAt?: number;
  instance?: RunningContainer;
  lastFinishedAt?: number;
  hookFailure?: string;
}

/** The status of an instance that exited with `code`; of its timers only delayed events stay. */
export function markExited(c: Exiting, code: number, reason: string | undefined, ts: string): void {
  c.view.state = { terminated: { containerID: c.view.containerID!, exitCode: code, finishedAt: ts, reason: reason ?? (code === 0 ? 'Completed' : 'Error'), startedAt: c.startedAtTs! } };
  // prober_manager UpdatePodStatus: an init container that succeeded is ready.
  c.view.ready = c.init && !c.sidecar && code === 0;
  c.view.started = false;
  c.actions = c.actions.filter((a) => a.kind === 'event');
}

/** The exited instance's writable layer stops changing and its log ends; exec no longer reaches it. */
export function closeInstance(c: Exiting, rt: NodeRuntime, ns: string, pod: string, containerID: string): void {
  const now = rt.clock.now();
  if (c.instance) {
    c.instance.files.stop(now);
    c.instance.stoppedAt = c.stoppedAt;
  }
  c.instance = undefined;
  rt.logs.finish(ns, pod, c.spec.name, containerID, now);
}

/** The reason cache: a failed postStart shows as PostStartHookError until the next sync (kubelet_pods.go). */
export function showHookFailure(c: Exiting): void {
  const st = c.view.state;
  if ('terminated' in st) c.view.lastState = st.terminated;
  c.view.state = { waiting: { reason: 'PostStartHookError', message: c.hookFailure } };
}

export interface BackOffIO {
  rt: NodeRuntime;
  /** `name_namespace(uid)`, kubelet's format.Pod. */
  podRef: string;
  /** The container's key in the node's crash back-off. */
  key: string;
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

/** A restart check for a container that exited at `finished`: true when it backs off (a restart timer is set), false to start it now. */
export function backOff(c: Exiting, finished: number, io: BackOffIO): boolean {
  const { rt, key, podRef } = io;
  const now = rt.clock.now();
  if (rt.crashBackoff.inBackoffSince(key, finished, now)) {
    const backoff = rt.crashBackoff.get(key);
    const st = c.view.state;
    if ('terminated' in st) c.view.lastState = st.terminated;
    c.view.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(backoff)} restarting failed container=${c.spec.name} pod=${podRef}` } };
    io.event('Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${podRef}`);
    c.actions.push({ kind: 'restart', at: Math.max(finished, c.lastFinishedAt ?? finished) + backoff });
    return true;
  }
  rt.crashBackoff.next(key, now);
  return false;
}
