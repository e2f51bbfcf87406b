/**
 * The files a process in a container sees (a `ShellFs`): the image's files and the files the
 * kubelet provides (/etc/hosts, /etc/hostname, /etc/resolv.conf) below a writable layer, and the
 * pod's volumes mounted over both. Read and written at `now()`: the writable layer and the
 * volumes are journals (./journal.ts), so what a process wrote by a moment is what a reader sees
 * at that moment. A container restart gets a fresh writable layer; volumes live with the pod.
 */
import { normalize } from '../../shell/memory-fs';
import type { FileStat, FsError, ShellFs } from '../../shell/program';
import type { FixedFile } from './atomic-volume';
import { FileJournal, type JournalEntry } from './journal';

/** A volume mounted into the container (emptyDir, configMap, secret, downwardAPI, projected…). */
export interface Mount {
  /** Absolute, normalised. */
  path: string;
  /** What the volume holds when processes write it (emptyDir). */
  journal: FileJournal;
  /** The volume's fixed entries at `t` (the atomic writer's layout), relative to its root. */
  files?: (t: number) => ReadonlyMap<string, FixedFile>;
  /** When the volume's root last changed (its `.` in `ls -la`). */
  rootTime?: (t: number) => number;
  /** The root directory's permission bits (0777 for emptyDir, sticky on tmpfs). */
  rootMode?: number;
  /** subPath: the mount shows this path inside the volume (`/key`, `/sub/dir`). */
  sub?: string;
  tmpfs?: boolean;
  readOnly: boolean;
}

/** Which layer a path falls in, and its path inside that layer. */
interface Place {
  journal: FileJournal;
  lower: ReadonlyMap<string, string>;
  rel: string;
  readOnly: boolean;
  mount?: Mount;
}

type Found =
  | { kind: 'file'; content: string; mode: number; mtime: number }
  | { kind: 'dir'; mtime: number; mode?: number }
  | { kind: 'link'; target: string; mtime: number }
  | undefined;

/** Symlinks followed in one lookup before ELOOP (the kernel's MAXSYMLINKS). */
const MAX_LINKS = 40;

const EMPTY: ReadonlyMap<string, string> = new Map();

export class ContainerFs implements ShellFs {
  private readonly mounts: Mount[];

  /**
   * `lower`: the image's and kubelet's files (path → content), never changed; `upper`: the
   * writable layer; `sync(t)`: brings every writer replayed on demand up to `t` before a read.
   */
  constructor(
    private readonly lower: ReadonlyMap<string, string>,
    readonly upper: FileJournal,
    mounts: Mount[],
    readonly now: () => number,
    private readonly sync: (t: number) => void = () => {},
  ) {
    // Longest mount path first: a mount inside a mount wins (most containers have one or none).
    this.mounts = mounts.length < 2 ? mounts : [...mounts].sort((a, b) => b.path.length - a.path.length);
  }

  stat(path: string): FileStat | FsError {
    const p = normalize(path);
    return this.onTmpfs(p, statOf(this.find(p)));
  }

  /** The entry itself, a symlink not followed. */
  lstat(path: string): FileStat | FsError {
    const p = normalize(path);
    return this.onTmpfs(p, statOf(this.find(p, false)));
  }

  /**
   * A directory on a tmpfs (a secret or projected volume, a memory emptyDir) is 40 bytes plus 20
   * per entry (shmem's BOGO_DIRENT_SIZE) and takes no blocks.
   */
  private onTmpfs(p: string, st: FileStat | FsError): FileStat | FsError {
    if (typeof st === 'string' || st.type !== 'dir' || this.mounts.length === 0) return st;
    const m = this.mounts.find((x) => p === x.path || p.startsWith(x.path + '/'));
    if (!m?.tmpfs) return st;
    const names = this.list(p);
    return { ...st, size: 40 + 20 * (Array.isArray(names) ? names.length : 0), blocksKb: 0 };
  }

  readlink(path: string): string | FsError {
    const f = this.find(normalize(path), false);
    if (!f) return 'ENOENT';
    return f.kind === 'link' ? f.target : 'ENOENT';
  }

  read(path: string): string | FsError {
    const f = this.find(normalize(path));
    if (!f) return 'ENOENT';
    return f.kind === 'file' ? f.content : 'EISDIR';
  }

  list(path: string): string[] | FsError {
    const p = normalize(path);
    const f = this.find(p);
    if (!f) return 'ENOENT';
    if (f.kind === 'file') return 'ENOTDIR';
    const names = new Set<string>();
    const place = this.place(p);
    const fixed = place.mount?.files?.(this.now());
    const rel = fixed ? resolveFixed(fixed, place.rel, true)?.rel ?? place.rel : place.rel;
    const prefix = rel === '/' ? '/' : rel + '/';
    const child = (key: string) => key.slice(prefix.length).split('/')[0];
    for (const key of (fixed ?? place.lower).keys()) if (key.startsWith(prefix)) names.add(child(key));
    for (const key of place.journal.paths()) if (key.startsWith(prefix)) names.add(child(key));
    for (const m of this.mounts) if (m.path !== p && m.path.startsWith(p === '/' ? '/' : p + '/')) names.add(m.path.slice(p === '/' ? 1 : p.length + 1).split('/')[0]);
    return [...names].filter((n) => n !== '' && this.find(p === '/' ? '/' + n : `${p}/${n}`, false) !== undefined).sort(bytewise);
  }

  write(path: string, content: string, append: boolean): FsError | undefined {
    const p = normalize(path);
    const place = this.place(p);
    if (place.readOnly) return 'EROFS';
    const f = this.find(p);
    if (f?.kind === 'dir') return 'EISDIR';
    const dir = this.find(parent(p));
    if (!dir) return 'ENOENT';
    if (dir.kind === 'file') return 'ENOTDIR';
    const prev = append && f?.kind === 'file' ? f.content : '';
    place.journal.record(place.rel, { at: this.now(), kind: 'file', content: prev + content, mode: f?.kind === 'file' ? f.mode : 0o644 });
    return undefined;
  }

  remove(path: string, recursive: boolean): FsError | undefined {
    const p = normalize(path);
    const f = this.find(p);
    if (!f) return 'ENOENT';
    const place = this.place(p);
    if (place.readOnly || (place.mount && place.rel === '/')) return place.readOnly ? 'EROFS' : 'EACCES';
    const at = this.now();
    if (f.kind === 'dir') {
      const inside = this.list(p);
      if (Array.isArray(inside) && inside.length && !recursive) return 'ENOTEMPTY';
      if (Array.isArray(inside)) for (const name of inside) this.remove(`${p}/${name}`, true);
    }
    place.journal.record(place.rel, { at, kind: 'gone' });
    return undefined;
  }

  mkdir(path: string, parents: boolean): FsError | undefined {
    const p = normalize(path);
    if (this.find(p)) return parents && this.find(p)?.kind === 'dir' ? undefined : 'EEXIST';
    const up = this.find(parent(p));
    if (!up) {
      if (!parents) return 'ENOENT';
      const err = this.mkdir(parent(p), true);
      if (err) return err;
    } else if (up.kind === 'file') return 'ENOTDIR';
    const place = this.place(p);
    if (place.readOnly) return 'EROFS';
    place.journal.record(place.rel, { at: this.now(), kind: 'dir' });
    return undefined;
  }

  /** Every file visible now (path → content): what a process replayed with a plain map starts from. */
  snapshot(): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (dir: string) => {
      const names = this.list(dir);
      if (!Array.isArray(names)) return;
      for (const n of names) {
        const p = dir === '/' ? '/' + n : `${dir}/${n}`;
        const st = this.lstat(p);
        if (typeof st !== 'string' && st.type === 'symlink') continue;
        if (typeof st !== 'string' && st.type === 'dir') {
          walk(p);
          continue;
        }
        const content = this.read(p);
        if (typeof content === 'string') out.set(p, content);
        else if (content === 'EISDIR') walk(p);
      }
    };
    walk('/');
    return out;
  }

  private place(p: string): Place {
    for (const m of this.mounts) {
      if (p === m.path || p.startsWith(m.path + '/')) return { journal: m.journal, lower: EMPTY, rel: (m.sub ?? '') + p.slice(m.path.length) || '/', readOnly: m.readOnly, mount: m };
    }
    return { journal: this.upper, lower: this.lower, rel: p, readOnly: false };
  }

  /** The entry at `p` now; `follow`: a symlink as its target (links inside a volume only). */
  private find(p: string, follow = true): Found {
    const t = this.now();
    this.sync(t);
    const place = this.place(p);
    const m = place.mount;
    const fixed = m?.files?.(t);
    if (m && p === m.path && !(fixed && m.sub)) return { kind: 'dir', mtime: m.rootTime?.(t) ?? 0, mode: m.rootMode };
    if (fixed) return resolveFixed(fixed, place.rel, follow)?.found;
    const found = lookup(place.journal, place.lower, place.rel, t);
    // The runtime makes a mount point's missing parents (/var/run/secrets/kubernetes.io).
    if (!found && !m && this.mounts.some((x) => x.path.startsWith(p === '/' ? '/' : p + '/'))) return { kind: 'dir', mtime: 0 };
    return found;
  }
}

function statOf(f: Found): FileStat | FsError {
  if (!f) return 'ENOENT';
  if (f.kind === 'file') return { type: 'file', size: byteLength(f.content), mode: f.mode, mtime: f.mtime };
  if (f.kind === 'link') return { type: 'symlink', size: byteLength(f.target), mode: 0o777, mtime: f.mtime };
  return { type: 'dir', size: 4096, mode: f.mode ?? 0o755, mtime: f.mtime };
}

/**
 * `rel` in a volume's fixed entries, its symlinks resolved component by component (their
 * targets are relative, inside the volume: `key -> ..data/key`, `..data -> ..2026_…`).
 */
function resolveFixed(files: ReadonlyMap<string, FixedFile>, rel: string, follow: boolean): { rel: string; found: Found } | undefined {
  const parts = rel.split('/').filter(Boolean);
  let dir = '';
  for (let i = 0, links = 0; i < parts.length; i++) {
    const path = `${dir}/${parts[i]}`;
    const e = files.get(path) ?? (hasChildren(files, path) ? ({ kind: 'dir', mode: 0o755, mtime: 0 } as const) : undefined);
    if (!e) return undefined;
    const last = i === parts.length - 1;
    if (e.kind === 'link' && (!last || follow)) {
      if (++links > MAX_LINKS) return undefined;
      const target = e.target.startsWith('/') ? e.target : `${dir}/${e.target}`;
      const rest = normalize(target).split('/').filter(Boolean);
      parts.splice(0, i + 1, ...rest);
      dir = '';
      i = -1;
      continue;
    }
    if (last) return { rel: path, found: e.kind === 'link' ? { kind: 'link', target: e.target, mtime: e.mtime } : e };
    if (e.kind !== 'dir') return undefined;
    dir = path;
  }
  return { rel: '/', found: { kind: 'dir', mtime: 0 } };
}

function hasChildren(files: ReadonlyMap<string, FixedFile>, path: string): boolean {
  const prefix = path + '/';
  for (const key of files.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

/** A path in one layer at `t`: the journal's latest entry, else the fixed files. */
function lookup(journal: FileJournal, lower: ReadonlyMap<string, string>, rel: string, t: number): Found {
  if (rel === '/') return { kind: 'dir', mtime: 0 };
  const e = journal.at(rel, t);
  // An ancestor removed after this entry hides it (rm -r of a directory).
  if (e && hiddenByAncestor(journal, rel, e.at, t)) return undefined;
  if (e && e.kind !== 'append') return fromEntry(e);
  if (!e && hiddenByAncestor(journal, rel, -Infinity, t)) return undefined;
  const content = lower.get(rel);
  if (e?.kind === 'append') return { kind: 'file', content: (content ?? '') + e.text, mode: 0o644, mtime: e.at };
  if (content !== undefined) return { kind: 'file', content, mode: 0o644, mtime: 0 };
  const prefix = rel + '/';
  for (const key of lower.keys()) if (key.startsWith(prefix)) return { kind: 'dir', mtime: 0 };
  for (const key of journal.paths()) if (key.startsWith(prefix) && lookup(journal, lower, key, t)) return { kind: 'dir', mtime: 0 };
  return undefined;
}

function hiddenByAncestor(journal: FileJournal, rel: string, since: number, t: number): boolean {
  for (let d = parent(rel); d !== '/'; d = parent(d)) {
    const e = journal.at(d, t);
    if (e && e.kind === 'gone' && e.at >= since) return true;
  }
  return false;
}

function fromEntry(e: JournalEntry): Found {
  if (e.kind === 'gone' || e.kind === 'append') return undefined;
  if (e.kind === 'dir') return { kind: 'dir', mtime: e.at };
  return { kind: 'file', content: e.content, mode: e.mode, mtime: e.at };
}

function parent(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

function bytewise(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
