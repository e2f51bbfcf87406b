/**
 * The eviction manager's local-storage check for a pod (eviction_manager.go
 * emptyDirLimitEviction), run every 10 s (its monitoring interval): a disk-backed emptyDir whose
 * usage exceeds its `sizeLimit` gets the pod evicted with the kubelet's own message. (A
 * `medium: Memory` emptyDir is a tmpfs of that size instead: writes past it fail.)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../core/quantity';
import type { PodVolumes } from '../../fs/volumes';

export const EVICTION_MONITORING_MS = 10_000;

/** The emptyDirs the check watches: disk-backed, with a positive sizeLimit. */
export function limitedEmptyDirs(pod: Pod): Array<{ name: string; limit: string; bytes: number }> {
  return (pod.spec?.volumes ?? []).flatMap((v) => {
    const limit = v.emptyDir?.sizeLimit;
    if (!v.emptyDir || v.emptyDir.medium === 'Memory' || limit === undefined) return [];
    const bytes = parseQuantity(String(limit));
    return bytes > 0 ? [{ name: v.name, limit: String(limit), bytes }] : [];
  });
}

/** The eviction message when a volume is over its limit at `t`, else undefined. */
export function emptyDirOverLimit(pod: Pod, volumes: PodVolumes, t: number): string | undefined {
  for (const v of limitedEmptyDirs(pod)) {
    const volume = volumes.volumeFor(v.name);
    if (volume?.kind === 'journal' && volume.journal.usedBytes(t) > v.bytes) return `Usage of EmptyDir volume "${v.name}" exceeds the limit "${v.limit}". `;
  }
  return undefined;
}
