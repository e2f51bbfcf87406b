/**
 * `kill 1` from inside a container (an exec'd process signals PID 1): a main process that
 * handles SIGTERM stops as it would on the kubelet's SIGTERM; then the restart policy rules.
 */
import type { Clock } from '../../core/clock';
import type { ProcessPlan } from '../container-process';
import type { RunningContainer } from './sandbox';

export interface Signallable {
  plan?: ProcessPlan;
  instance?: RunningContainer;
  stoppedAt?: number;
  actions: Array<{ kind: string; at: number } | { kind: 'exit'; at: number; code: number }>;
}

export interface InsideIO {
  clock: Clock;
  actor: string;
  /** The pod worker has let the pod go. */
  finished(): boolean;
  /** The container's timers changed. */
  changed(): void;
}

/** Not from inside the exec'd process's run: a timer of its own, for the instance signalled. */
export function stopFromInside(c: Signallable, fromPid: number, io: InsideIO): void {
  const instance = c.instance;
  io.clock.after(0, () => {
    const sig = c.plan?.onSigterm ?? 'ignore';
    if (io.finished() || c.instance !== instance || c.stoppedAt !== undefined || sig === 'ignore') return;
    const now = io.clock.now();
    c.stoppedAt = now;
    if (instance) instance.stoppedBy = fromPid;
    c.actions = [...c.actions.filter((a) => a.kind !== 'exit'), { kind: 'exit', at: now + sig.afterMs, code: sig.code }];
    io.changed();
  }, io.actor);
}

/** The main process ended by itself (an attached shell read `exit`): the exit is due now. */
export function exitFromInside(c: Signallable, code: number, io: InsideIO): void {
  const instance = c.instance;
  io.clock.after(0, () => {
    if (io.finished() || c.instance !== instance || c.stoppedAt !== undefined) return;
    c.actions = [...c.actions.filter((a) => a.kind !== 'exit'), { kind: 'exit', at: io.clock.now(), code }];
    io.changed();
  }, io.actor);
}
