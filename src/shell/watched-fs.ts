/**
 * A file system that reports each change a process makes to a file (`content` undefined: the
 * file was removed), for whoever journals a container's main process in virtual time.
 */
import type { ShellFs } from './program';

export type FileChange = (path: string, content: string | undefined, previous: string | undefined) => void;

export function watchedFs(inner: ShellFs, changed: FileChange): ShellFs {
  const current = (path: string): string | undefined => {
    const r = inner.read(path);
    return r === 'ENOENT' || r === 'EISDIR' || r === 'ENOTDIR' || r === 'EACCES' ? undefined : r;
  };
  return {
    stat: (p) => inner.stat(p),
    read: (p) => inner.read(p),
    list: (p) => inner.list(p),
    mkdir: (p, parents) => inner.mkdir(p, parents),
    write(path, content, append) {
      const previous = current(path);
      const err = inner.write(path, content, append);
      if (!err) changed(path, append ? (previous ?? '') + content : content, previous);
      return err;
    },
    remove(path, recursive) {
      const previous = current(path);
      const err = inner.remove(path, recursive);
      if (!err && previous !== undefined) changed(path, undefined, previous);
      return err;
    },
  };
}
