/**
 * How often the endpoint controllers look at one big Service. A real controller writing the
 * Endpoints of hundreds of pods is busy for a while with each sync (the api round trips grow
 * with the object), and changes that arrive meanwhile are handled together by its next sync.
 * Here a sync of `n` endpoints keeps that Service's key for `n` virtual ms (at most a second)
 * when `n` is 50 or more; smaller Services are synced the instant they change.
 */
import type { Clock } from '../../core/clock';
import type { WorkQueue } from '../../informers/workqueue';

const PACED_FROM = 50;
const MAX_PAUSE_MS = 1000;

export class SyncPacer {
  private readonly busyUntil = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly queue: WorkQueue,
  ) {}

  enqueue(key: string): void {
    const until = this.busyUntil.get(key);
    const now = this.clock.now();
    if (until !== undefined && until > now) this.queue.addAfter(key, until - now);
    else this.queue.add(key);
  }

  /** Records a sync of `key` that handled `endpoints` endpoints. */
  synced(key: string, endpoints: number): void {
    if (endpoints < PACED_FROM) this.busyUntil.delete(key);
    else this.busyUntil.set(key, this.clock.now() + Math.min(endpoints, MAX_PAUSE_MS));
  }
}
