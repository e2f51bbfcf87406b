/**
 * A pod's volumes as the kubelet's volume manager keeps them: mounted before the sandbox
 * (./mount.ts, with FailedMount retries), rewritten at the pod's next periodic sync after a
 * ConfigMap or Secret it reads changes, or at once when the pod's labels or annotations change,
 * and watched by the eviction manager when an emptyDir has a sizeLimit (./emptydir-limit.ts).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ContainerUsage } from '../container-record';
import type { Clock } from '../../core/clock';
import type { PodFiles } from '../../fs/pod-files';
import { emptyDirOverLimit, EVICTION_MONITORING_MS, limitedEmptyDirs } from './emptydir-limit';
import { MountStage } from './mount';

export interface VolumeManagerIO {
  clock: Clock;
  actor: string;
  pod(): Pod;
  /** The worker still runs the pod (not finished, not terminating, not done). */
  active(): boolean;
  failedMount(message: string): void;
  evict(message: string): void;
}

export class PodVolumeManager {
  private readonly stage: MountStage;
  private refreshTimer: number | undefined;

  constructor(private readonly files: PodFiles, seed: string, private readonly io: VolumeManagerIO) {
    this.stage = new MountStage(files.volumes, seed);
  }

  get mounted(): boolean {
    return this.stage.mounted;
  }

  /** When the next mount attempt is due, while not mounted. */
  get nextAttempt(): number | undefined {
    return this.stage.nextAttempt;
  }

  /** WaitForAttachAndMount's attempt now: true once every volume is mounted. */
  mount(): boolean {
    const now = this.io.clock.now();
    for (const f of this.stage.attempt(now)) this.io.failedMount(f.message);
    if (!this.stage.mounted) return false;
    if (limitedEmptyDirs(this.io.pod()).length) this.watchEmptyDirs();
    return true;
  }

  /** A ConfigMap or Secret changed: rewrite at the next periodic sync (one already pending reads it then). */
  configChanged(kind: 'configMap' | 'secret', name: string): void {
    if (!this.stage.mounted || this.refreshTimer !== undefined || !this.io.active()) return;
    if (!this.files.volumes.reads(kind, name)) return;
    const at = this.stage.nextSyncAfter(this.io.clock.now());
    this.refreshTimer = this.io.clock.at(at, () => {
      this.refreshTimer = undefined;
      this.files.volumes.refresh(this.io.clock.now());
    }, this.io.actor);
  }

  /** A pod update marks its API-data volumes for remount: the labels and annotations files follow. */
  podChanged(before: Pod, after: Pod): void {
    if (before.metadata?.labels === after.metadata?.labels && before.metadata?.annotations === after.metadata?.annotations) return;
    this.io.clock.after(0, () => {
      if (this.stage.mounted && this.io.active()) this.files.volumes.refresh(this.io.clock.now());
    }, this.io.actor);
  }

  /** The kubelet's usage with what memory-backed emptyDirs hold charged to their first container (tmpfs pages). */
  withMemoryCharges(use: ContainerUsage[], running: Container[]): ContainerUsage[] {
    if (!this.io.pod().spec?.volumes?.some((v) => v.emptyDir?.medium === 'Memory')) return use;
    const now = this.io.clock.now();
    this.files.sync(now);
    const charges = this.files.volumes.memoryCharges(running, now);
    return use.map((u) => (charges.get(u.name) ? { ...u, use: { ...u.use, memoryBytes: u.use.memoryBytes + charges.get(u.name)! } } : u));
  }

  stop(): void {
    if (this.refreshTimer !== undefined) this.io.clock.cancel(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /** The eviction manager's 10 s look at the pod's emptyDirs with a sizeLimit. */
  private watchEmptyDirs(): void {
    this.io.clock.after(EVICTION_MONITORING_MS, () => {
      if (!this.io.active()) return;
      const now = this.io.clock.now();
      this.files.sync(now);
      const over = emptyDirOverLimit(this.io.pod(), this.files.volumes, now);
      if (over) return this.io.evict(over);
      this.watchEmptyDirs();
    }, this.io.actor);
  }
}
