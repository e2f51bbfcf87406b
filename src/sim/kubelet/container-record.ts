/**
 * The pod worker's record of one container: its spec, its status view, its pending timers and
 * what the kubelet remembers across its instances (starts, the last exit, pull failures).
 * The modules of ./lifecycle, ./probes and ./exec each read a narrow part of it.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { parseImageRef, type ImageRef } from '../images';
import type { ProcessPlan } from './container-process';
import type { ContainerView } from './pod-status';
import type { EventAction, ExitAction } from './lifecycle/stop';
import type { PullAction } from './lifecycle/image-pull';
import type { PostStartedAction } from './lifecycle/start';
import type { RetryStartAction } from './lifecycle/container-config';
import type { RunningContainer } from './exec/sandbox';

export type Action = PullAction | ExitAction | { kind: 'restart'; at: number } | PostStartedAction | EventAction | RetryStartAction;

export interface Ctr {
  spec: Container;
  init: boolean;
  sidecar: boolean;
  view: ContainerView;
  ref?: ImageRef;
  refError?: string;
  actions: Action[];
  plan?: ProcessPlan;
  everStarted: boolean;
  /** Its process runs (from start, postStart hook included, to exit). */
  live?: boolean;
  startedAtMs?: number;
  startedAtTs?: string;
  /** Its postStart hook failed with this message: PostStartHookError until restarted. */
  hookFailure?: string;
  lastFinishedAt?: number;
  lastPullFailAt?: number;
  signalled?: boolean;
  stoppedAt?: number;
  /** Killed because its spec changed: start again at once, whatever the restart policy. */
  replacing?: boolean;
  /** The running instance as exec reaches it (./exec/sandbox.ts). */
  instance?: RunningContainer;
  /** Killed for a failed liveness/startup probe: restarted at once, backed off from the exit before. */
  probeKill?: { previousExitAt?: number };
}

/** A container not started yet, waiting as `reason`. */
export function makeCtr(spec: Container, init: boolean, reason: string): Ctr {
  const ctr: Ctr = {
    spec,
    init,
    sidecar: init && spec.restartPolicy === 'Always',
    actions: [],
    everStarted: false,
    view: { name: spec.name, image: spec.image ?? '', imageID: '', state: { waiting: { reason } }, ready: false, restartCount: 0, started: false },
  };
  const mounts = (spec.volumeMounts ?? []).map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
  if (mounts.length) ctr.view.volumeMounts = mounts;
  setImageRef(ctr, spec.image ?? '');
  return ctr;
}

/** Parses the image reference; a bad one is kept as the error InvalidImageName reports. */
export function setImageRef(c: { ref?: ImageRef; refError?: string }, image: string): void {
  c.ref = undefined;
  c.refError = undefined;
  try {
    c.ref = parseImageRef(image);
  } catch (e) {
    c.refError = (e as Error).message;
  }
}

/** The kubelet's restart policy for one container: sidecars always, init containers on failure unless Never. */
export function restartPolicy(podPolicy: string | undefined, c: { init: boolean; sidecar: boolean }): string {
  const policy = podPolicy ?? 'Always';
  return c.sidecar ? 'Always' : c.init ? (policy === 'Never' ? 'Never' : 'OnFailure') : policy;
}

export type ContainerUsage = { name: string; startedAt: string; use: NonNullable<ProcessPlan['use']> };

/** What each running container uses now (the kubelet's resource endpoint reads it). */
export function usageOf(cs: Ctr[]): ContainerUsage[] {
  const out: ContainerUsage[] = [];
  for (const c of cs) {
    const st = c.view.state;
    if ('running' in st && c.plan?.use) out.push({ name: c.spec.name, startedAt: st.running.startedAt, use: c.plan.use });
  }
  return out;
}
