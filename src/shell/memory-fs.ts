/**
 * A plain in-memory file system: the shell's default (a process with no image files, tests,
 * the host's scratch files). Directories exist implicitly above every file and explicitly
 * once made; containers layer their image files and volumes over the same interface.
 */
import type { FileStat, FsError, ShellFs } from './program';

interface Entry {
  content?: string;
  mode: number;
  mtime: number;
}

export class MemoryFs implements ShellFs {
  private readonly files = new Map<string, Entry>();
  private readonly dirs = new Map<string, Entry>([['/', { mode: 0o755, mtime: 0 }]]);

  /** `files`: path → content; `now`: the time stamped on writes. */
  constructor(files: Iterable<[string, string]> = [], private readonly now: () => number = () => 0) {
    for (const [path, content] of files) this.put(normalize(path), content, 0o644);
  }

  stat(path: string): FileStat | FsError {
    const p = normalize(path);
    const f = this.files.get(p);
    if (f) return { type: 'file', size: byteLength(f.content ?? ''), mode: f.mode, mtime: f.mtime };
    const d = this.dirs.get(p);
    if (d) return { type: 'dir', size: 4096, mode: d.mode, mtime: d.mtime };
    return this.files.has(parent(p)) ? 'ENOTDIR' : 'ENOENT';
  }

  read(path: string): string | FsError {
    const p = normalize(path);
    const f = this.files.get(p);
    if (f) return f.content ?? '';
    return this.dirs.has(p) ? 'EISDIR' : 'ENOENT';
  }

  list(path: string): string[] | FsError {
    const p = normalize(path);
    if (!this.dirs.has(p)) return this.files.has(p) ? 'ENOTDIR' : 'ENOENT';
    const prefix = p === '/' ? '/' : p + '/';
    const names = new Set<string>();
    for (const key of [...this.files.keys(), ...this.dirs.keys()]) {
      if (key !== p && key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort(bytewise);
  }

  write(path: string, content: string, append: boolean): FsError | undefined {
    const p = normalize(path);
    if (this.dirs.has(p)) return 'EISDIR';
    if (!this.dirs.has(parent(p))) return this.files.has(parent(p)) ? 'ENOTDIR' : 'ENOENT';
    const prev = append ? this.files.get(p)?.content ?? '' : '';
    this.put(p, prev + content, this.files.get(p)?.mode ?? 0o644);
    return undefined;
  }

  remove(path: string, recursive: boolean): FsError | undefined {
    const p = normalize(path);
    if (this.files.delete(p)) return undefined;
    if (!this.dirs.has(p)) return 'ENOENT';
    const inside = [...this.files.keys(), ...this.dirs.keys()].filter((k) => k.startsWith(p + '/'));
    if (inside.length && !recursive) return 'ENOTEMPTY';
    for (const k of inside) {
      this.files.delete(k);
      this.dirs.delete(k);
    }
    if (p !== '/') this.dirs.delete(p);
    return undefined;
  }

  mkdir(path: string, parents: boolean): FsError | undefined {
    const p = normalize(path);
    if (this.dirs.has(p)) return parents ? undefined : 'EEXIST';
    if (this.files.has(p)) return 'EEXIST';
    if (!this.dirs.has(parent(p))) {
      if (!parents) return 'ENOENT';
      const err = this.mkdir(parent(p), true);
      if (err) return err;
    }
    this.dirs.set(p, { mode: 0o755, mtime: this.now() });
    return undefined;
  }

  private put(p: string, content: string, mode: number): void {
    for (let d = parent(p); !this.dirs.has(d); d = parent(d)) this.dirs.set(d, { mode: 0o755, mtime: 0 });
    this.files.set(p, { content, mode, mtime: this.now() });
  }
}

/** `/a//b/./c/../d/` → `/a/b/d`. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

function parent(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

function bytewise(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
