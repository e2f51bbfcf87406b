/**
 * Discrete-event virtual clock: a binary heap of timers ordered by (time, seq).
 * Nothing in the simulation reads wall time; everything waits on this clock.
 */
import { rfc3339 } from './utc';

export type TimerId = number;

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  owner?: string;
}

/** A timer that `runNext` ran: when, and on whose behalf (`replicaset-controller`, …). */
export interface RanTimer {
  at: number;
  owner?: string;
}

/** Virtual epoch of every cluster: a fixed instant so that timestamps are reproducible. */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 1, 9, 0, 0);

export class Clock {
  private heap: Timer[] = [];
  private seq = 0;
  private cancelled = new Set<number>();
  private current: number;
  // Many writes share a second: format each second once.
  private stampSecond = NaN;
  private stamp = '';

  constructor(start = DEFAULT_EPOCH) {
    this.current = start;
  }

  /** Virtual milliseconds since the Unix epoch. */
  now(): number {
    return this.current;
  }

  /** RFC 3339 timestamp with whole seconds, as Kubernetes writes them. */
  timestamp(at = this.current): string {
    const second = Math.floor(at / 1000);
    if (second !== this.stampSecond) {
      this.stampSecond = second;
      this.stamp = rfc3339(second * 1000);
    }
    return this.stamp;
  }

  /**
   * Runs `fn` after `delayMs` of virtual time (0 = later in this same instant). `owner` names
   * the component the timer works for, so that a step can say who did what.
   */
  after(delayMs: number, fn: () => void, owner?: string): TimerId {
    return this.at(this.current + Math.max(0, delayMs), fn, owner);
  }

  at(time: number, fn: () => void, owner?: string): TimerId {
    const timer: Timer = { at: Math.max(time, this.current), seq: ++this.seq, fn, owner };
    this.push(timer);
    return timer.seq;
  }

  cancel(id: TimerId): void {
    this.cancelled.add(id);
  }

  /** When the next timer is due, or undefined if nothing is pending (an idle cluster). */
  nextEventAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  pending(): number {
    return this.heap.length - this.cancelled.size;
  }

  /** Advances by `ms`, running every timer due on the way, in order. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  advanceTo(time: number): void {
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.at > time) break;
      this.pop();
      this.current = top.at;
      top.fn();
    }
    if (time > this.current) this.current = time;
  }

  /** Runs the next timer if it is due by `limit`, moving time to it; undefined when none is. */
  runNext(limit = Infinity): RanTimer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.at > limit) return undefined;
    this.pop();
    this.current = top.at;
    top.fn();
    return { at: top.at, owner: top.owner };
  }

  /** Runs timers until `done()` holds or `limit` ms pass; returns whether it held. */
  advanceUntil(done: () => boolean, limitMs: number, stepMs = 100): boolean {
    const deadline = this.current + limitMs;
    this.advance(0);
    while (!done()) {
      if (this.current >= deadline) return false;
      const next = this.nextEventAt();
      const target = Math.min(deadline, Math.max(this.current + stepMs, next ?? deadline));
      this.advanceTo(next !== undefined && next < target ? Math.max(next, this.current) : target);
    }
    return true;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0].seq)) {
      this.cancelled.delete(this.heap[0].seq);
      this.pop();
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      const tmp = h[i];
      h[i] = h[p];
      h[p] = tmp;
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        const tmp = h[i];
        h[i] = h[m];
        h[m] = tmp;
        i = m;
      }
    }
    return top;
  }
}
