/**
 * A container's mounts as `df` lists them on a kind node: the overlay root, the runtime's /dev
 * tmpfs, volumes on the node's disk (emptyDir, configMap, downwardAPI) in volumeMounts order,
 * the kubelet's /etc/hosts, /dev/shm, then the tmpfs volumes (secret, projected, emptyDir with
 * `medium: Memory`): a Secret's files never touch the node's disk. A tmpfs counts its files in
 * 4 KiB pages; runc resolves /var/run to /run, so the token volume shows as /run/secrets/….
 */
import type { Pod, Volume } from 'kubernetes-types/core/v1';
import type { Mount as DiskMount } from '../../shell/programs/system';
import { DEFAULT_DISK } from '../../shell/programs/system';
import type { ShellFs } from '../../shell/program';
import type { ContainerFiles } from './pod-files';

/** tmpfs without a size: half the node's memory, as the kernel sizes it. */
const TMPFS_KB = 4_074_108;
const PAGE_KB = 4;

export function mountTable(pod: Pod, files: ContainerFiles, mounts: ReadonlyArray<{ name: string; mountPath: string; subPath?: string }>, now: number): DiskMount[] {
  const [root, dev, hosts, shm] = ['/', '/dev', '/etc/hosts', '/dev/shm'].map((p) => DEFAULT_DISK.find((m) => m.mountedOn === p)!);
  const onDisk: DiskMount[] = [];
  const onTmpfs: DiskMount[] = [];
  const fs = files.view(now);
  for (const m of mounts) {
    const volume = (pod.spec?.volumes ?? []).find((v) => v.name === m.name);
    if (!volume || m.subPath) continue;
    const path = m.mountPath.replace(/^\/var\/run\//, '/run/').replace(/\/+$/, '');
    if (isTmpfs(volume)) onTmpfs.push({ filesystem: 'tmpfs', sizeKb: tmpfsKb(volume), usedKb: usedKb(fs, m.mountPath), mountedOn: path, type: 'tmpfs' });
    else if (volume.emptyDir || volume.configMap || volume.downwardAPI) onDisk.push({ ...hosts, mountedOn: path });
  }
  return [root, dev, ...onDisk, hosts, shm, ...onTmpfs];
}

function isTmpfs(v: Volume): boolean {
  return !!v.secret || !!v.projected || v.emptyDir?.medium === 'Memory';
}

/** `sizeLimit` sizes a memory-backed emptyDir (SizeMemoryBackedVolumes); others take the default. */
function tmpfsKb(v: Volume): number {
  const limit = v.emptyDir?.sizeLimit;
  const m = typeof limit === 'string' ? /^(\d+)(Ki|Mi|Gi)?$/.exec(limit) : undefined;
  if (!m) return TMPFS_KB;
  const unit = m[2] === 'Gi' ? 1024 * 1024 : m[2] === 'Mi' ? 1024 : m[2] === 'Ki' ? 1 : 1 / 1024;
  return Math.ceil(Number(m[1]) * unit);
}

/** Pages the volume's regular files take (symlinks live in their inodes). */
function usedKb(fs: ShellFs, dir: string): number {
  let kb = 0;
  const walk = (d: string) => {
    const names = fs.list(d);
    if (!Array.isArray(names)) return;
    for (const n of names) {
      const p = `${d}/${n}`;
      const st = fs.lstat ? fs.lstat(p) : fs.stat(p);
      if (typeof st === 'string' || st.type === 'symlink') continue;
      if (st.type === 'dir') walk(p);
      else kb += Math.ceil(st.size / (PAGE_KB * 1024)) * PAGE_KB;
    }
  };
  walk(dir.replace(/\/+$/, ''));
  return kb;
}
