/**
 * A pod's volumes as the kubelet's volume manager keeps them: mounted before the sandbox
 * (./mount.ts, with FailedMount retries), rewritten at the pod's next periodic sync after a
 * ConfigMap or Secret it reads changes, or at once when the pod's labels or annotations change,
 * and watched by the eviction manager when an emptyDir has a sizeLimit (./emptydir-limit.ts).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ContainerUsage } from '../container-record';
import type { KObject } from '../../core/object';
import type { PodFiles } from '../../fs/pod-files';
import { emptyDirOverLimit, EVICTION_MONITORING_MS, limitedEmptyDirs } from './emptydir-limit';
import { MountStage } from './mount';
import type { NodeRuntime } from '../runtime';

/** The pod worker, as its volumes see it. */
export interface VolumeOwner {
  /** The pod as the worker has it now. */
  currentPod(): Pod;
  /** The worker still runs the pod (not finished, not terminating, not done). */
  runsPod(): boolean;
  evict(message: string): void;
}

type VolumeRuntime = Pick<NodeRuntime, 'clock' | 'actor' | 'record'>;

export class PodVolumeManager {
  private readonly stage: MountStage;
  private refreshTimer: number | undefined;

  constructor(
    private readonly files: PodFiles,
    seed: string,
    private readonly rt: VolumeRuntime,
    private readonly owner: VolumeOwner,
  ) {
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
    const now = this.rt.clock.now();
    for (const f of this.stage.attempt(now)) this.rt.record(this.owner.currentPod() as unknown as KObject, 'Warning', 'FailedMount', f.message);
    if (!this.stage.mounted) return false;
    if (limitedEmptyDirs(this.owner.currentPod()).length) this.watchEmptyDirs();
    return true;
  }

  /** A ConfigMap or Secret changed: rewrite at the next periodic sync (one already pending reads it then). */
  configChanged(kind: 'configMap' | 'secret', name: string): void {
    if (!this.stage.mounted || this.refreshTimer !== undefined || !this.owner.runsPod()) return;
    if (!this.files.volumes.reads(kind, name)) return;
    const at = this.stage.nextSyncAfter(this.rt.clock.now());
    this.refreshTimer = this.rt.clock.at(at, () => {
      this.refreshTimer = undefined;
      this.files.volumes.refresh(this.rt.clock.now());
    }, this.rt.actor);
  }

  /** A pod update marks its API-data volumes for remount: the labels and annotations files follow. */
  podChanged(before: Pod, after: Pod): void {
    if (before.metadata?.labels === after.metadata?.labels && before.metadata?.annotations === after.metadata?.annotations) return;
    this.rt.clock.after(0, () => {
      if (this.stage.mounted && this.owner.runsPod()) this.files.volumes.refresh(this.rt.clock.now());
    }, this.rt.actor);
  }

  /** The kubelet's usage with what memory-backed emptyDirs hold charged to their first container (tmpfs pages). */
  withMemoryCharges(use: ContainerUsage[], running: Container[]): ContainerUsage[] {
    if (!this.owner.currentPod().spec?.volumes?.some((v) => v.emptyDir?.medium === 'Memory')) return use;
    const now = this.rt.clock.now();
    this.files.sync(now);
    const charges = this.files.volumes.memoryCharges(running, now);
    return use.map((u) => (charges.get(u.name) ? { ...u, use: { ...u.use, memoryBytes: u.use.memoryBytes + charges.get(u.name)! } } : u));
  }

  stop(): void {
    if (this.refreshTimer !== undefined) this.rt.clock.cancel(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /** The eviction manager's 10 s look at the pod's emptyDirs with a sizeLimit. */
  private watchEmptyDirs(): void {
    this.rt.clock.after(EVICTION_MONITORING_MS, () => {
      if (!this.owner.runsPod()) return;
      const now = this.rt.clock.now();
      this.files.sync(now);
      const over = emptyDirOverLimit(this.owner.currentPod(), this.files.volumes, now);
      if (over) return this.owner.evict(over);
      this.watchEmptyDirs();
    }, this.rt.actor);
  }
}
