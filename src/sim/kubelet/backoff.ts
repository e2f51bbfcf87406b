/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for container restarts and image
 * pulls: 10s doubling to 300s per key; an entry untouched for 2 × max (10 min) starts over.
 */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly initial = INITIAL_BACKOFF_MS,
    private readonly max = MAX_BACKOFF_MS,
  ) {}

  /** Records a failure at `now` and returns the new back-off. */
  next(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.max) {
      this.entries.set(key, { backoff: this.initial, lastUpdate: now });
      return this.initial;
    }
    e.backoff = Math.min(e.backoff * 2, this.max);
    e.lastUpdate = now;
    return e.backoff;
  }

  /** The current back-off of `key` (0 if none). */
  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** Whether `now` is still inside the back-off window that started at `since`. */
  inBackoffSince(key: string, since: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    if (now - e.lastUpdate > 2 * this.max) return false;
    return now - since < e.backoff;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every key starting with `prefix` (a pod's keys when it goes away). */
  resetPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}

/** Go's time.Duration.String() for whole milliseconds: `10s`, `1m20s`, `5m0s`, `547ms`, `2.345s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sMs = ms % 60_000;
  const s = sMs % 1000 === 0 ? String(sMs / 1000) : (sMs / 1000).toFixed(3).replace(/0+$/, '');
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}
