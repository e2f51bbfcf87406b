/**
 * Volumes that live on the node, not with the pod: a hostPath volume is a folder of the node's
 * own files (./node-files.ts), and so is a claim's volume when its PV is a hostPath or local
 * volume (static, or made by local-path). What a container writes there is still there for the
 * next pod on that node, and gone once the folder is removed (local-path's Delete reclaim).
 */
import type { PersistentVolume, Volume } from 'kubernetes-types/core/v1';
import { normalize } from '../../shell/memory-fs';
import type { FileJournal } from './journal';
import { SubtreeJournal, type NodeFilesystems } from './node-files';

/** What the kubelet knows to mount them: its node's files, and a claim's bound volume. */
export interface NodeVolumeFacts {
  files: FileJournal;
  /** The PV bound to claim `namespace/name`, if any. */
  claimVolume(namespace: string, name: string): PersistentVolume | undefined;
  /** When the volume is set up (a missing folder is made then). */
  now(): number;
  /** Brings every writer of the node's files up to `t` before a read. */
  sync(t: number): void;
  /** Registers a pod's writers (see NodeFilesystems.watch). */
  watch(bringUpTo: (t: number) => void): () => void;
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

/** What the kubelet's hostPath type check says of `path` on the node (host_path.go), or undefined. */
export function hostPathTypeError(spec: Volume, facts: NodeVolumeFacts): string | undefined {
  const type = spec.hostPath?.type ?? '';
  if (!spec.hostPath?.path || type === '' || type === 'DirectoryOrCreate' || type === 'FileOrCreate') return undefined;
  const path = normalize(spec.hostPath.path);
  const e = facts.files.at(path, facts.now());
  const kind = !e || e.kind === 'gone' ? undefined : e.kind === 'dir' ? 'dir' : 'file';
  switch (type) {
    case 'Directory':
      return kind === 'dir' ? undefined : `hostPath type check failed: ${path} is not a directory`;
    case 'File':
      return kind === 'file' ? undefined : `hostPath type check failed: ${path} is not a file`;
    case 'Socket':
      return `hostPath type check failed: ${path} is not a socket file`;
    case 'CharDevice':
      return `hostPath type check failed: ${path} is not a character device`;
    case 'BlockDevice':
      return `hostPath type check failed: ${path} is not a block device`;
    default:
      return undefined;
  }
}

/**
 * The volume's journal: the node's folder, made now when missing — DirectoryOrCreate, a claim's
 * volume, and "" (the runtime's bind mount makes a missing source); FileOrCreate makes an empty
 * file in an existing or new folder. Undefined when it is not a node volume.
 */
export function nodeVolume(spec: Volume, namespace: string, facts: NodeVolumeFacts): FileJournal | undefined {
  const now = facts.now();
  const folder = nodeFolder(spec, namespace, facts);
  if (!folder) return undefined;
  const existing = facts.files.at(folder, now);
  if (!existing || existing.kind === 'gone') {
    const asFile = spec.hostPath?.type === 'FileOrCreate';
    const parts = folder.split('/').filter(Boolean);
    let p = '';
    parts.forEach((part, i) => {
      p += '/' + part;
      const e = facts.files.at(p, now);
      if (e && e.kind !== 'gone') return;
      facts.files.record(p, asFile && i === parts.length - 1 ? { at: now, kind: 'file', content: '', mode: 0o644 } : { at: now, kind: 'dir' });
    });
  }
  return new SubtreeJournal(facts.files, folder);
}

/** The kubelet's view: its node's files, and claims bound to volumes as the api-server stores them. */
export function nodeVolumeFacts(nodes: NodeFilesystems, node: string, now: () => number, get: (resource: string, namespace: string | undefined, name: string) => unknown): NodeVolumeFacts {
  return {
    files: nodes.of(node),
    now,
    sync: (t) => nodes.sync(node, t),
    watch: (fn) => nodes.watch(node, fn),
    claimVolume(namespace, name) {
      const pvc = get('persistentvolumeclaims', namespace, name) as { spec?: { volumeName?: string } } | undefined;
      const volumeName = pvc?.spec?.volumeName;
      return volumeName ? (get('persistentvolumes', undefined, volumeName) as PersistentVolume | undefined) : undefined;
    },
  };
}
