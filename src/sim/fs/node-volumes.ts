/**
 * Volumes that live on the node, not with the pod: a hostPath volume is a folder of the node's
 * own files (./node-files.ts), and so is a claim's volume when its PV is a hostPath or local
 * volume (static, or made by local-path). What a container writes there is still there for the
 * next pod on that node, and gone once the folder is removed (local-path's Delete reclaim).
 */
import type { PersistentVolume, Volume } from 'kubernetes-types/core/v1';
import { normalize } from '../../shell/memory-fs';
import type { FileJournal } from './journal';
import { SubtreeJournal } from './node-files';

/** What the kubelet knows to mount them: its node's files, and a claim's bound volume. */
export interface NodeVolumeFacts {
  files: FileJournal;
  /** The PV bound to claim `namespace/name`, if any. */
  claimVolume(namespace: string, name: string): PersistentVolume | undefined;
  /** When the volume is set up (a missing folder is made then). */
  now(): number;
}

/** The folder of the node a volume mounts, or undefined when it is not a node volume. */
export function nodeFolder(spec: Volume, namespace: string, facts: NodeVolumeFacts): string | undefined {
  if (spec.hostPath?.path) return normalize(spec.hostPath.path);
  const claim = spec.persistentVolumeClaim?.claimName;
  if (!claim) return undefined;
  const pv = facts.claimVolume(namespace, claim)?.spec;
  const path = pv?.hostPath?.path ?? pv?.local?.path;
  return path ? normalize(path) : undefined;
}

/** The volume's journal: the node's folder, made at `now` if the type (or the runtime) makes it. */
export function nodeVolume(spec: Volume, namespace: string, facts: NodeVolumeFacts): FileJournal | undefined {
  const now = facts.now();
  const folder = nodeFolder(spec, namespace, facts);
  if (!folder) return undefined;
  const existing = facts.files.at(folder, now);
  // DirectoryOrCreate, a claim's volume, and "" (the runtime's bind mount makes a missing source).
  if (!existing || existing.kind === 'gone') {
    const parts = folder.split('/').filter(Boolean);
    let p = '';
    for (const part of parts) {
      p += '/' + part;
      const e = facts.files.at(p, now);
      if (!e || e.kind === 'gone') facts.files.record(p, { at: now, kind: 'dir' });
    }
  }
  return new SubtreeJournal(facts.files, folder);
}

/** The kubelet's view: its node's files, and claims bound to volumes as the api-server stores them. */
export function nodeVolumeFacts(files: FileJournal, now: () => number, get: (resource: string, namespace: string | undefined, name: string) => unknown): NodeVolumeFacts {
  return {
    files,
    now,
    claimVolume(namespace, name) {
      const pvc = get('persistentvolumeclaims', namespace, name) as { spec?: { volumeName?: string } } | undefined;
      const volumeName = pvc?.spec?.volumeName;
      return volumeName ? (get('persistentvolumes', undefined, volumeName) as PersistentVolume | undefined) : undefined;
    },
  };
}
