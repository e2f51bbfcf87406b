/**
 * Stepping a paused cluster one action at a time: clock timers run one by one until one of them
 * writes to the api, and the step says who wrote what (`replicaset-controller created Pod web-…`).
 * Timers that write nothing (a controller finding nothing to do) run silently on the way.
 */
import type { Clock } from './core/clock';
import type { CoreEvent } from './events';
import type { KObject } from './core/object';
import type { Store, WatchEvent } from './core/store';

/** A step looks this far ahead for something that writes; past it, the step moves one second. */
export const STEP_HORIZON_MS = 60_000;

export interface StepResult {
  /** One short line per api write, in order; empty when nothing happened. */
  lines: string[];
}

/** Runs the next timer that writes something (and the silent ones before it). */
export function stepAction(clock: Clock, store: Store): StepResult {
  const horizon = clock.now() + STEP_HORIZON_MS;
  const writes: WatchEvent[] = [];
  const unsubscribe = store.subscribe((event) => writes.push(event));
  try {
    for (;;) {
      const ran = clock.runNext(horizon);
      if (!ran) {
        clock.advanceTo(nextSecond(clock.now()));
        return { lines: [] };
      }
      if (writes.length) return { lines: describeWrites(ran.owner ?? 'the cluster', writes) };
    }
  } finally {
    unsubscribe();
  }
}

/** Runs on to the next whole virtual second, everything due on the way; says what was written. */
export function stepSecond(clock: Clock, store: Store): StepResult {
  const lines: string[] = [];
  const target = nextSecond(clock.now());
  for (;;) {
    const writes: WatchEvent[] = [];
    const unsubscribe = store.subscribe((event) => writes.push(event));
    const ran = clock.runNext(target);
    unsubscribe();
    if (!ran) break;
    lines.push(...describeWrites(ran.owner ?? 'the cluster', writes));
  }
  clock.advanceTo(target);
  return { lines };
}

function nextSecond(ms: number): number {
  return (Math.floor(ms / 1000) + 1) * 1000;
}

/**
 * Who did what, one line per write. An Event is the component's own account of its action (the
 * kubelet's `Pulling image "nginx"`), so it is told in its words; other writes say their verb,
 * kind and name. Repeats (a status written twice in one go) and Events that only repeat a write
 * (`Created pod: …`) are left out.
 */
export function describeWrites(owner: string, writes: WatchEvent[]): string[] {
  // An update of an object an Event tells about says nothing more (`bound Pod web-… to …`).
  const told = new Set<string>();
  for (const w of writes) {
    const ev = w.object as CoreEvent;
    if (w.resource === 'events' && w.type !== 'DELETED' && !ECHOES.has(ev.reason)) told.add(`${ev.involvedObject.kind}/${ev.involvedObject.name}`);
  }
  const lines: string[] = [];
  for (const w of writes) {
    if (w.type === 'MODIFIED' && told.has(`${w.object.kind}/${w.object.metadata.name}`)) continue;
    const line = w.resource === 'events' ? describeEvent(w) : describeWrite(w);
    if (line && !lines.includes(`${owner} ${line}`)) lines.push(`${owner} ${line}`);
  }
  return lines;
}

/** Events whose news is already in the write they accompany. */
const ECHOES = new Set(['SuccessfulCreate', 'SuccessfulDelete']);

function describeEvent(w: WatchEvent): string | undefined {
  if (w.type === 'DELETED') return `deleted Event ${w.object.metadata.name} (expired)`;
  const ev = w.object as CoreEvent;
  if (ECHOES.has(ev.reason)) return undefined;
  const object = `${ev.involvedObject.kind} ${ev.involvedObject.name}`;
  const assigned = /^Successfully assigned \S+ to (\S+)$/.exec(ev.message);
  if (assigned) return `bound ${object} to ${assigned[1]}`;
  // The first sentence is the news: `Successfully pulled image "nginx" in 2.56s (…). Image size: …`.
  const sentence = ev.message.split('. ')[0].replace(/\.$/, '');
  return `${sentence.charAt(0).toLowerCase()}${sentence.slice(1)} (${object})`;
}

function describeWrite(w: WatchEvent): string {
  const obj = w.object;
  const what = `${obj.kind} ${obj.metadata.name}`;
  if (w.type === 'ADDED') return `created ${what}`;
  if (w.type === 'DELETED') return `deleted ${what}`;
  const state = obj.kind === 'Pod' ? podState(obj) : undefined;
  return `updated ${what}${state ? ` (${state})` : ''}`;
}

/** A pod's state as a learner reads it: a waiting container's reason, else the phase. */
function podState(pod: KObject): string | undefined {
  const status = pod.status as { phase?: string; containerStatuses?: { state?: { waiting?: { reason?: string } } }[] } | undefined;
  for (const c of status?.containerStatuses ?? []) if (c.state?.waiting?.reason) return c.state.waiting.reason;
  return status?.phase;
}
