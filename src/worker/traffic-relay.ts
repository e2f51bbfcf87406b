/**
 * Relays the cluster's requests (`cluster.network.traffic`) to the UI, batched per frame like the
 * patches. It listens only while a UI is connected (the stream builds no event for nobody), and a
 * frame carries at most the latest `TRAFFIC_PER_FRAME` requests: at hundreds a second the graph
 * cannot show more, and the rest are only counted (`skipped`).
 */
import type { TrafficEvent } from '../sim/network/types';
import type { TrafficStream } from '../sim/network/traffic';
import type { WorkerToUi } from './protocol';
import { FRAME_MS, type WallTimers } from './time-driver';

export const TRAFFIC_PER_FRAME = 32;

type TrafficMessage = Extract<WorkerToUi, { type: 'traffic' }>;

export class TrafficRelay {
  private events: TrafficEvent[] = [];
  private skipped = 0;
  private timer: unknown = undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly post: (message: TrafficMessage) => void,
    private readonly wall: WallTimers,
  ) {}

  /** Listens to `stream` (the current cluster's) instead of any earlier one. */
  attach(stream: TrafficStream): void {
    this.detach();
    this.unsubscribe = stream.subscribe((e) => this.add(e));
  }

  /** Stops listening and drops what was not sent (a reset, a replay, the worker going away). */
  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer !== undefined) this.wall.clear(this.timer);
    this.timer = undefined;
    this.events = [];
    this.skipped = 0;
  }

  private add(e: TrafficEvent): void {
    if (this.events.length >= TRAFFIC_PER_FRAME) {
      this.events.shift();
      this.skipped++;
    }
    this.events.push(e);
    this.timer ??= this.wall.set(() => this.flush(), FRAME_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const { events, skipped } = this;
    this.events = [];
    this.skipped = 0;
    if (events.length) this.post({ type: 'traffic', events, skipped });
  }
}
