/**
 * The learner's machine as the host shell sees it: the workspace (editor tabs, lesson files,
 * files beside a transcript) appears read-only in the home folder, and whatever the shell
 * writes (`kubectl get pod p -o yaml > p.yaml`) lands in a scratch layer above it. kubectl's
 * `-f` reads through the same view (`workspaceOf`), so a file written by a redirect applies.
 */
import type { Workspace } from '../../kubectl/types';
import { MemoryFs, normalize } from '../memory-fs';
import type { FileStat, FsError, ShellFs } from '../program';
import { isFsError } from '../interpreter';

export const HOME = '/home/learner';

export class WorkspaceFs implements ShellFs {
  private readonly scratch: MemoryFs;

  /** `workspace()`: the files as they are now (the editor changes them between lines). */
  constructor(private readonly workspace: () => Workspace, now: () => number) {
    this.scratch = new MemoryFs([], now);
    for (const dir of [HOME, '/tmp', '/dev']) this.scratch.mkdir(dir, true);
  }

  stat(path: string): FileStat | FsError {
    const own = this.scratch.stat(path);
    if (own !== 'ENOENT') return own;
    const rel = this.relative(path);
    if (rel === undefined) return own;
    const content = this.workspace().read(rel);
    if (content !== undefined) return { type: 'file', size: new TextEncoder().encode(content).length, mode: 0o644, mtime: 0 };
    return this.workspace().list(rel) ? { type: 'dir', size: 4096, mode: 0o755, mtime: 0 } : 'ENOENT';
  }

  read(path: string): string | FsError {
    const own = this.scratch.read(path);
    if (own !== 'ENOENT') return own;
    const rel = this.relative(path);
    const content = rel === undefined ? undefined : this.workspace().read(rel);
    if (content !== undefined) return content;
    return rel !== undefined && this.workspace().list(rel) ? 'EISDIR' : 'ENOENT';
  }

  list(path: string): string[] | FsError {
    const own = this.scratch.list(path);
    const rel = this.relative(path);
    const theirs = rel === undefined ? undefined : this.workspace().list(rel);
    if (!theirs) return own;
    const names = new Set([...(isFsError(own) ? [] : own), ...theirs]);
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  write(path: string, content: string, append: boolean): FsError | undefined {
    const rel = this.relative(path);
    const existing = rel === undefined || this.scratch.stat(path) !== 'ENOENT' ? undefined : this.workspace().read(rel);
    // Appending to a workspace file copies it up into the scratch layer first.
    if (existing !== undefined && append) this.scratch.write(path, existing, false);
    const dir = normalize(path).replace(/\/[^/]*$/, '') || '/';
    if (this.scratch.stat(dir) === 'ENOENT' && this.stat(dir) !== 'ENOENT') this.scratch.mkdir(dir, true);
    return this.scratch.write(path, content, append);
  }

  remove(path: string, recursive: boolean): FsError | undefined {
    const own = this.scratch.remove(path, recursive);
    if (own !== 'ENOENT') return own;
    return this.stat(path) === 'ENOENT' ? 'ENOENT' : 'EACCES';
  }

  mkdir(path: string, parents: boolean): FsError | undefined {
    if (!parents && this.stat(path) !== 'ENOENT') return 'EEXIST';
    return this.scratch.mkdir(path, parents);
  }

  /** The workspace path of a file under the home folder (`''` is the home folder itself). */
  private relative(path: string): string | undefined {
    const p = normalize(path);
    if (p === HOME) return '.';
    return p.startsWith(`${HOME}/`) ? p.slice(HOME.length + 1) : undefined;
  }
}

/** kubectl's view of the host's files (`-f x.yaml`), relative to the shell's directory. */
export function workspaceOf(fs: ShellFs, cwd: () => string): Workspace {
  const resolve = (p: string) => normalize(p.startsWith('/') ? p : `${cwd()}/${p}`);
  return {
    read: (path) => {
      const content = fs.read(resolve(path));
      return isFsError(content) ? undefined : content;
    },
    list: (dir) => {
      const names = fs.list(resolve(dir));
      return isFsError(names) ? undefined : names;
    },
  };
}
