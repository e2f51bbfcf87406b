/**
 * Stopping running containers on the worker's timeline: kuberuntime killContainer for several
 * at once (the Killing event, preStop, then the plan of ./termination.ts as `exit` timers), and
 * a later delete that shortens the grace period.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { ProcessPlan } from '../container-process';
import { runHook, type HookTarget } from './hooks';
import { planStop } from './termination';

export type ExitAction = { kind: 'exit'; at: number; code: number; reason?: string };
export type EventAction = { kind: 'event'; at: number; type: 'Normal' | 'Warning'; reason: string; message: string };

/** What stopping needs of a worker's container; its other pending timers are dropped. */
export interface Stoppable {
  spec: Container;
  sidecar: boolean;
  plan?: ProcessPlan;
  actions: Array<ExitAction | EventAction | { kind: string; at: number }>;
  signalled?: boolean;
  /** When it got its stop signal (its shutdown lines), if it reacts to it. */
  stoppedAt?: number;
}

export interface StopIO<C> {
  killing(c: C, message: string): void;
  hookTarget(c: C, timeoutMs: number): HookTarget;
}

const isExit = (a: { kind: string }): a is ExitAction => a.kind === 'exit';
const isEvent = (a: { kind: string }): a is EventAction => a.kind === 'event';

/** Drops every pending timer but its exit and delayed events: a container being stopped starts nothing. */
export function keepStopTimers(c: Stoppable): void {
  c.actions = c.actions.filter((a) => isExit(a) || isEvent(a));
}

/** killContainer for each of `cs` at once, with `graceS` seconds; `message` for the Killing events. */
export function stopContainers<C extends Stoppable>(cs: C[], now: number, graceS: number, io: StopIO<C>, message?: string): void {
  const inputs = cs.map((c) => {
    io.killing(c, message ?? `Stopping container ${c.spec.name}`);
    const hook = c.spec.lifecycle?.preStop;
    const pre = hook && graceS > 0 ? runHook(hook, io.hookTarget(c, graceS * 1000)) : undefined;
    // The event hides the handler's message, as for postStart (executePreStopHook).
    if (pre && !pre.ok && !pre.hung) c.actions.push({ kind: 'event', at: now + pre.tookMs, type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed' });
    return { name: c.spec.name, sidecar: c.sidecar, preStopMs: pre?.tookMs, onSigterm: c.plan?.onSigterm ?? 'ignore', exitsAt: c.actions.find(isExit)?.at };
  });
  planStop(now, graceS, inputs).forEach((p, i) => {
    const c = cs[i];
    c.signalled = true;
    if (p.exitCode === undefined) return; // it exits by itself first
    c.actions = [...c.actions.filter(isEvent), { kind: 'exit', at: p.exitAt, code: p.exitCode }];
    c.stoppedAt = p.killed ? undefined : p.signalAt;
  });
}

/** A second delete with a shorter grace period: what still runs at `killAt` is SIGKILLed then. */
export function killBy(c: Stoppable, killAt: number): void {
  const exit = c.actions.find(isExit);
  if (!exit || exit.at > killAt) c.actions = [...c.actions.filter(isEvent), { kind: 'exit', at: killAt, code: 137 }];
}
