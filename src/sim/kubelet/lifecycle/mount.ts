/**
 * The volume manager's part of a pod's start (WaitForAttachAndMount): no sandbox until every
 * volume a container mounts is set up. A volume whose ConfigMap or Secret is missing fails
 * with a Warning `FailedMount` event and is retried on the operation executor's exponential
 * back-off (nestedpendingoperations: 500 ms doubling to 2m2s); once the object exists the next
 * retry mounts it and the pod goes on. Mounted volumes are rewritten at the pod's periodic
 * sync (syncFrequency 1m, jittered by up to half: pod_workers.go) or when the pod changes.
 */
import type { MountFailure, PodVolumes } from '../../fs/volumes';

const INITIAL_RETRY_MS = 500;
const MAX_RETRY_MS = 2 * 60_000 + 2_000;
export const SYNC_FREQUENCY_MS = 60_000;
const RESYNC_JITTER = 0.5;

export class MountStage {
  private failures = 0;
  /** When the next attempt (or periodic sync) is due; undefined once mounted and idle. */
  private retryAt: number | undefined;
  private mountedAt: number | undefined;
  /** The last periodic sync found so far, and how many intervals led to it. */
  private lastSync = 0;
  private syncs = 0;

  constructor(private readonly volumes: PodVolumes, private readonly seed: string) {}

  get mounted(): boolean {
    return this.mountedAt !== undefined;
  }

  /** The instant of the next mount attempt, while not mounted. */
  get nextAttempt(): number | undefined {
    return this.mounted ? undefined : this.retryAt;
  }

  /** Tries now: the failures to report (none: every volume is mounted). */
  attempt(now: number): MountFailure[] {
    const failures = this.volumes.setUp(now);
    if (!failures.length) {
      this.mountedAt = this.lastSync = now;
      this.retryAt = undefined;
      return [];
    }
    this.retryAt = now + Math.min(INITIAL_RETRY_MS * 2 ** this.failures, MAX_RETRY_MS);
    this.failures++;
    return failures;
  }

  /**
   * The first periodic sync after `changedAt`: when a changed ConfigMap or Secret reaches the
   * files (the kubelet's watch-based cache already holds it; the sync rewrites the volume).
   */
  nextSyncAfter(changedAt: number): number {
    while (this.lastSync <= changedAt) this.lastSync += this.interval(this.syncs++);
    return this.lastSync;
  }

  /** wait.Jitter(resyncInterval, 0.5): one to one and a half minutes. */
  private interval(n: number): number {
    let h = 0x811c9dc5;
    const s = `${this.seed}/${n}`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return SYNC_FREQUENCY_MS + Math.floor((h / 2 ** 32) * RESYNC_JITTER * SYNC_FREQUENCY_MS);
  }
}
