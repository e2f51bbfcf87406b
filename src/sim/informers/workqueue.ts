/**
 * A de-duplicating work queue driven by the virtual clock, like client-go's: a key queued
 * twice before it is processed is processed once; `requeueAfter` waits in virtual time.
 */
import type { Clock } from '../core/clock';

export class WorkQueue {
  private queued = new Set<string>();
  private order: string[] = [];
  private scheduled = false;
  private delayed = new Map<string, number>();

  /**
   * @param reconcile returns a delay in ms to look at the key again, or undefined when done.
   * @param owner the controller's name, on its timers (see `Clock.after`).
   * @param latencyMs how long after an enqueue the controller wakes (0 = same instant).
   */
  constructor(
    private readonly clock: Clock,
    private readonly reconcile: (key: string) => number | void,
    private readonly owner?: string,
    private readonly latencyMs = 0,
  ) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.order.push(key);
    if (!this.scheduled) {
      this.scheduled = true;
      this.clock.after(this.latencyMs, () => this.drain(), this.owner);
    }
  }

  /** Looks at `key` again after `ms`; an earlier pending requeue wins. */
  addAfter(key: string, ms: number): void {
    const at = this.clock.now() + ms;
    const pending = this.delayed.get(key);
    if (pending !== undefined && pending <= at) return;
    this.delayed.set(key, at);
    this.clock.at(at, () => {
      if (this.delayed.get(key) !== at) return;
      this.delayed.delete(key);
      this.add(key);
    }, this.owner);
  }

  get length(): number {
    return this.order.length;
  }

  private drain(): void {
    this.scheduled = false;
    const keys = this.order;
    this.order = [];
    for (const key of keys) {
      this.queued.delete(key);
      const again = this.reconcile(key);
      if (typeof again === 'number') this.addAfter(key, again);
    }
  }
}
