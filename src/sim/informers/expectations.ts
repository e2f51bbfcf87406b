/**
 * `ControllerExpectations`: how many creates/deletes a controller still waits to see in its
 * cache before it trusts the cache again. It stops a second sync from re-creating pods whose
 * creation has not been observed yet. Expectations expire after 5 minutes, as in Kubernetes.
 */
import type { Clock } from '../core/clock';

export const EXPECTATIONS_TTL_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  at: number;
}

export class Expectations {
  private map = new Map<string, Expectation>();

  constructor(private readonly clock: Clock) {}

  satisfied(key: string): boolean {
    const e = this.map.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.at > EXPECTATIONS_TTL_MS;
  }

  expectCreations(key: string, n: number): void {
    this.map.set(key, { add: n, del: 0, at: this.clock.now() });
  }

  expectDeletions(key: string, n: number): void {
    this.map.set(key, { add: 0, del: n, at: this.clock.now() });
  }

  creationObserved(key: string): void {
    const e = this.map.get(key);
    if (e) e.add--;
  }

  deletionObserved(key: string): void {
    const e = this.map.get(key);
    if (e) e.del--;
  }

  forget(key: string): void {
    this.map.delete(key);
  }
}
