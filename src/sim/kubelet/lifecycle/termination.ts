/**
 * When each container of a pod being stopped gets SIGTERM and when it exits, as the 1.32
 * kubelet's killContainer does it (pkg/kubelet/kuberuntime/kuberuntime_container.go):
 * the Killing event, the preStop hook (its whole seconds count against the grace period),
 * sidecars waiting their turn (termination_ordering.go: after every regular container and
 * every later sidecar), at least 2 s between SIGTERM and SIGKILL, and exit 137 for a process
 * still running at the end. Pure: times in virtual ms.
 */

/** kuberuntime's minimumGracePeriodInSeconds. */
export const MIN_GRACE_S = 2;

export interface StopInput {
  name: string;
  sidecar: boolean;
  /** How long its preStop hook runs; undefined when it has none. */
  preStopMs?: number;
  /** Its reaction to the stop signal (SIGTERM, or the image's STOPSIGNAL). */
  onSigterm: { afterMs: number; code: number } | 'ignore';
  /** When it exits by itself anyway, if it does. */
  exitsAt?: number;
}

export interface StopPlan {
  name: string;
  /** When its preStop ends (= `now` without one). */
  preStopEndsAt: number;
  /** When the runtime sends the stop signal. */
  signalAt: number;
  exitAt: number;
  /** Undefined when it exits by itself first (with its own code). */
  exitCode?: number;
  /** True when the process was still running at the end of its grace: SIGKILL. */
  killed: boolean;
}

/**
 * Plans the stop of `inputs` (all running) from `now` with `graceS` seconds. Regular containers
 * in any order, then sidecars from the last to the first.
 */
export function planStop(now: number, graceS: number, inputs: StopInput[]): StopPlan[] {
  const plans = new Map<string, StopPlan>();
  const order = [...inputs.filter((c) => !c.sidecar), ...inputs.filter((c) => c.sidecar).reverse()];
  for (const c of order) {
    let grace = graceS;
    let at = now;
    if (c.preStopMs !== undefined && grace > 0) {
      const took = Math.min(c.preStopMs, grace * 1000);
      at += took;
      grace -= Math.floor(took / 1000);
    }
    const preStopEndsAt = at;
    if (c.sidecar && grace > 0) {
      // waitForTurn: every regular container and every later sidecar must have exited first.
      const idx = inputs.indexOf(c);
      const prereqs = inputs.filter((o) => !o.sidecar || inputs.indexOf(o) > idx).map((o) => plans.get(o.name)!.exitAt);
      const turn = Math.max(at, ...prereqs);
      const waited = turn - at;
      if (waited >= grace * 1000) {
        at += grace * 1000;
        grace = 0;
      } else {
        at = turn;
        grace = Math.trunc(grace - waited / 1000);
      }
    }
    grace = Math.max(grace, MIN_GRACE_S);
    const byItself = c.exitsAt !== undefined && c.exitsAt <= at ? c.exitsAt : undefined;
    let exitAt: number;
    let exitCode: number | undefined;
    let killed = false;
    if (byItself !== undefined) {
      exitAt = byItself;
      exitCode = undefined;
    } else if (c.onSigterm !== 'ignore' && c.onSigterm.afterMs < grace * 1000) {
      exitAt = at + c.onSigterm.afterMs;
      exitCode = c.onSigterm.code;
    } else {
      exitAt = at + grace * 1000;
      exitCode = 137;
      killed = true;
    }
    if (c.exitsAt !== undefined && byItself === undefined && c.exitsAt < exitAt) {
      exitAt = c.exitsAt;
      exitCode = undefined;
      killed = false;
    }
    plans.set(c.name, { name: c.name, preStopEndsAt, signalAt: at, exitAt, exitCode, killed });
  }
  return inputs.map((c) => plans.get(c.name)!);
}
