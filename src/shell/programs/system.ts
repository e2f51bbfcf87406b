/**
 * The capabilities the text tools and applets ask of `System`, added to the seam's interface
 * by module augmentation (all optional: absent means what a tiny container shows). Whoever
 * builds a process's `System` (the shell's driver, the kubelet's exec) fills what it knows.
 */
import type { ProgramIO } from '../program';

export interface Mount {
  filesystem: string;
  /** 1K blocks. */
  sizeKb: number;
  usedKb: number;
  /** Defaults to size − used (ext4 reserves 5% for root, so a disk shows less). */
  availableKb?: number;
  mountedOn: string;
  type?: string;
}

export interface MemoryInfo {
  /** KiB, as /proc/meminfo. */
  totalKb: number;
  freeKb: number;
  sharedKb: number;
  buffCacheKb: number;
  availableKb: number;
  swapTotalKb: number;
}

export interface KernelInfo {
  release: string;
  version: string;
  machine: string;
}

export interface Identity {
  uid: number;
  gid: number;
  user: string;
  group: string;
  /** Supplementary groups as `id` lists them. */
  groups: Array<[number, string]>;
}

declare module '../program' {
  interface System {
    /** Mounted filesystems (`df`); absent: a container's overlay root and its usual mounts. */
    disk?: Mount[];
    /** /proc/meminfo as `free` reads it; absent: a kind node's. */
    memory?: MemoryInfo;
    /** `uname`'s kernel; absent: kind on an Ubuntu 24.04 host. */
    kernel?: KernelInfo;
    /** Set when stdout is a terminal (`ls` prints columns of this width); absent: a pipe or file. */
    tty?: { columns: number };
    /** Who the process runs as; absent: root. */
    identity?: Identity;
    /**
     * Runs another command with the caller's output streams (`xargs CMD`, `env VAR=x CMD`): the
     * shell's lookup, PATH and not-found errors. Absent: the programs registry is used directly.
     */
    run?(argv: string[], stdin: string, env: ReadonlyMap<string, string>): number;
  }
}

/** Kind's nodes share the host's kernel: a plausible Ubuntu 24.04 host (uname -a). */
export const DEFAULT_KERNEL: KernelInfo = {
  release: '6.8.0-52-generic',
  version: '#53-Ubuntu SMP PREEMPT_DYNAMIC Sat Jan 11 00:06:25 UTC 2025',
  machine: 'x86_64',
};

/** root; the busybox image's /etc/group puts root in wheel as well (`docker run busybox id`). */
export function identityOf(io: ProgramIO): Identity {
  if (io.sys.identity) return io.sys.identity;
  const groups: Array<[number, string]> = io.userland === 'busybox' ? [[0, 'root'], [10, 'wheel']] : [[0, 'root']];
  return { uid: 0, gid: 0, user: 'root', group: 'root', groups };
}

/** A kind node with 8 GiB, as /proc/meminfo reads inside any of its containers. */
export const DEFAULT_MEMORY: MemoryInfo = {
  totalKb: 8_148_216, freeKb: 3_902_140, sharedKb: 4_660, buffCacheKb: 2_632_664,
  availableKb: 6_283_684, swapTotalKb: 0,
};

/** A container's mounts as `df` shows them on a kind node (overlay root on the node's disk). */
export const DEFAULT_DISK: Mount[] = [
  { filesystem: 'overlay', sizeKb: 102_626_232, usedKb: 21_474_396, availableKb: 75_892_700, mountedOn: '/', type: 'overlay' },
  { filesystem: 'tmpfs', sizeKb: 65_536, usedKb: 0, mountedOn: '/dev', type: 'tmpfs' },
  { filesystem: 'shm', sizeKb: 65_536, usedKb: 0, mountedOn: '/dev/shm', type: 'tmpfs' },
  { filesystem: '/dev/sda1', sizeKb: 102_626_232, usedKb: 21_474_396, availableKb: 75_892_700, mountedOn: '/etc/hosts', type: 'ext4' },
  { filesystem: 'tmpfs', sizeKb: 4_074_108, usedKb: 12, mountedOn: '/run/secrets/kubernetes.io/serviceaccount', type: 'tmpfs' },
];
