/**
 * The stream of requests through the cluster network (types.ts TrafficEvent): the graph animates
 * client → Service → pod from it, metrics count load from it. Nothing is built for a request
 * while nobody listens, so a cluster without a UI pays one counter per request.
 */
import type { TrafficEvent } from './types';

export class TrafficStream {
  private readonly listeners = new Set<(e: TrafficEvent) => void>();
  /** Requests seen since the cluster started. */
  count = 0;

  get watched(): boolean {
    return this.listeners.size > 0;
  }

  /** Calls `fn` for every request from now on; returns the unsubscribe. */
  subscribe(fn: (e: TrafficEvent) => void): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }

  /** Counts a request; builds its event (`make`) only when someone listens. */
  emit(make: () => TrafficEvent): void {
    this.count++;
    if (this.listeners.size === 0) return;
    const e = make();
    for (const fn of this.listeners) fn(e);
  }
}
