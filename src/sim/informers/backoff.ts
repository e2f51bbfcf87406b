/**
 * client-go's default controller rate limiter for failed syncs: per-key exponential back-off
 * from 5 ms, doubling, capped at 1000 s; a successful sync forgets the key.
 */
export class Backoff {
  private failures = new Map<string, number>();

  constructor(
    private readonly baseMs = 5,
    private readonly maxMs = 1000 * 1000,
  ) {}

  /** The delay before retrying `key` after one more failure. */
  next(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return Math.min(this.baseMs * 2 ** n, this.maxMs);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}
