/**
 * A main process replayed over a plain map of files still reads its container's read-only
 * API-data volumes (configMap, secret, downwardAPI, projected) as they are at each moment of
 * its own clock: the kubelet rewrites those files while it runs, and a loop that `cat`s one
 * sees the new content once the kubelet has written it. Everything else stays the process's own.
 */
import type { ShellFs } from './program';

/** Volumes mounted at `under`, read at an absolute instant. */
export interface LiveMounts {
  under: readonly string[];
  at(atAbs: number): ShellFs;
}

export function liveMountsFs(inner: ShellFs, live: LiveMounts, now: () => number): ShellFs {
  const inside = (p: string) => live.under.some((m) => p === m || p.startsWith(m + '/'));
  const fs = (p: string) => (inside(p) ? live.at(now()) : inner);
  return {
    stat: (p) => fs(p).stat(p),
    lstat: (p) => (inside(p) ? live.at(now()).lstat?.(p) ?? inner.stat(p) : inner.stat(p)),
    readlink: (p) => (inside(p) ? live.at(now()).readlink?.(p) ?? 'ENOENT' : 'ENOENT'),
    read: (p) => fs(p).read(p),
    list: (p) => fs(p).list(p),
    mkdir: (p, parents) => (inside(p) ? 'EROFS' : inner.mkdir(p, parents)),
    write: (p, content, append) => (inside(p) ? 'EROFS' : inner.write(p, content, append)),
    remove: (p, recursive) => (inside(p) ? 'EROFS' : inner.remove(p, recursive)),
  };
}
