/**
 * Which containers SyncPod may start now, in the kubelet's order (kuberuntime_manager.go
 * computePodActions / computeInitContainerActions): init containers one at a time, each
 * waiting for the previous one to succeed; a sidecar (restartPolicy: Always) only holds the
 * next one back until it has started; then every regular container. A running postStart hook
 * holds everything back, and so does the kill after a failed one: SyncPod starts containers one
 * by one and waits for both (kuberuntime_container.go startContainer).
 */
import type { ContainerState } from '../pod-status';

/** What the start order needs to know of a container. */
export interface StartSlot {
  sidecar: boolean;
  everStarted: boolean;
  /** Its pending timers (`pulled`, `pullFailed`, `postStarted`, …). */
  actions: ReadonlyArray<{ kind: string }>;
  view: { state: ContainerState; started: boolean };
  /** Its process runs; with `hookFailure`, it is being killed after a failed postStart. */
  live?: boolean;
  hookFailure?: string;
}

/** Waiting on something only a spec change fixes (InvalidImageName, ErrImageNeverPull). */
export function idleFailure(c: StartSlot): boolean {
  const st = c.view.state;
  return 'waiting' in st && (st.waiting.reason === 'InvalidImageName' || st.waiting.reason === 'ErrImageNeverPull');
}

/** Never started, nothing pending, not stuck: the kubelet would start it now. */
function startable(c: StartSlot): boolean {
  return !c.everStarted && !c.actions.length && !idleFailure(c);
}

function has(c: StartSlot, ...kinds: string[]): boolean {
  return c.actions.some((a) => kinds.includes(a.kind));
}

/**
 * Lazy: the caller starts each container before the next is decided, since an image pull it
 * queues blocks the rest of the sync.
 */
export function* toStart<C extends StartSlot>(inits: readonly C[], ctrs: readonly C[]): Generator<C> {
  if ([...inits, ...ctrs].some(holding)) return;
  for (const c of inits) {
    if (c.sidecar) {
      if (startable(c)) yield c;
      if (has(c, 'pulled') || !c.view.started) return;
      continue;
    }
    const st = c.view.state;
    if ('terminated' in st && st.terminated.exitCode === 0) continue;
    if (startable(c)) yield c;
    return; // one init container at a time
  }
  for (const c of ctrs) {
    if (has(c, 'pulled', 'pullFailed')) return; // pulls block the sync
    if (!startable(c)) continue;
    yield c;
    if (has(c, 'pulled', 'pullFailed') || holding(c)) return;
  }
}

/** Its postStart hook runs, or it is being killed after a failed one. */
function holding(c: StartSlot): boolean {
  return has(c, 'postStarted') || (c.live === true && c.hookFailure !== undefined);
}
