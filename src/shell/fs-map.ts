/**
 * Bridges the evaluator's plain file map (path → content) to the file systems it runs on, until
 * the evaluator speaks `ShellFs` itself: `FsMap` reads and writes a container's files in place
 * (`kubectl exec`), `WatchedMap` tells who replays a main process about each change it makes
 * (the kubelet journals them in the container's layers at the virtual instant they happen).
 */
import { normalize } from './memory-fs';
import type { ShellFs } from './program';

/** Relative paths resolve against `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  return normalize(path.startsWith('/') ? path : `${cwd}/${path}`);
}

export class FsMap extends Map<string, string> {
  constructor(private readonly fs: ShellFs, private readonly cwd = '/') {
    super();
  }

  override get(path: string): string | undefined {
    const r = this.fs.read(resolvePath(this.cwd, path));
    return r === 'ENOENT' || r === 'EISDIR' || r === 'ENOTDIR' || r === 'EACCES' ? undefined : r;
  }

  override has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  override set(path: string, content: string): this {
    this.fs.write(resolvePath(this.cwd, path), content, false);
    return this;
  }

  override delete(path: string): boolean {
    const p = resolvePath(this.cwd, path);
    const st = this.fs.stat(p);
    if (typeof st === 'string' || st.type === 'dir') return false;
    return this.fs.remove(p, false) === undefined;
  }
}

/** A plain map that reports each change (`content` undefined: removed). */
export class WatchedMap extends Map<string, string> {
  private ready = false;

  constructor(files: Iterable<[string, string]> | undefined, private readonly changed: (path: string, content: string | undefined, previous: string | undefined) => void) {
    super(files ?? []);
    this.ready = true;
  }

  override set(path: string, content: string): this {
    const previous = super.get(path);
    super.set(path, content);
    if (this.ready) this.changed(path, content, previous);
    return this;
  }

  override delete(path: string): boolean {
    const previous = super.get(path);
    const had = super.delete(path);
    if (had) this.changed(path, undefined, previous);
    return had;
  }
}
