/**
 * The kubelet's atomic writer (pkg/volume/util/atomic_writer.go), which lays out every
 * configMap, secret, downwardAPI and projected volume: each version of the payload goes in a
 * fresh timestamped directory `..2026_12_07_15_04_05.123456789`, `..data` links to the newest,
 * and each top-level name the user sees links through it (`key -> ..data/key`). A reader
 * following `key` sees one whole version, never half of one. The volume keeps every version
 * with its instant, so a read at `t` sees what the kubelet had written by `t`.
 */
import { pad, utcParts } from '../core/utc';

/** A fixed entry of a volume (or an image): a file, a directory or a symlink. */
export type FixedFile =
  | { kind: 'file'; content: string; mode: number; mtime: number }
  | { kind: 'dir'; mode: number; mtime: number }
  | { kind: 'link'; target: string; mtime: number };

/** Content made when first read: the same object while the content is the same. */
export interface LazyText {
  text(): string;
}

/**
 * What the volume plugin wants written: relative path → content and mode. A service-account
 * token is made on demand (LazyText): most pods never read theirs, and thousands start at once.
 */
export type Payload = Map<string, { content: string | LazyText; mode: number }>;

/** A payload, or why it cannot be made (`configmap "cfg" not found`). */
export type PayloadResult = Payload | { error: string };

/** Makes a volume's payload from the objects as they are now. An object, not a closure: one per volume of every pod. */
export interface PayloadSource {
  payload(): PayloadResult;
}

interface Version {
  at: number;
  payload: Payload;
  /** The layout, made when first read. */
  files?: ReadonlyMap<string, FixedFile>;
}

const EMPTY: ReadonlyMap<string, FixedFile> = new Map();

export class AtomicVolume {
  private readonly versions: Version[] = [];

  /**
   * `source` makes the payload from the objects as they are now; `seed` keeps the timestamped
   * directories' random suffixes (os.MkdirTemp's) deterministic per volume.
   */
  constructor(
    private readonly source: PayloadSource,
    private readonly seed: string,
  ) {}

  /** Writes the payload at `t` if it changed; the error when it cannot be built. */
  write(t: number): string | undefined {
    const result = this.source.payload();
    if ('error' in result) return result.error as string;
    const last = this.versions[this.versions.length - 1];
    if (last && samePayload(last.payload, result)) return undefined;
    this.versions.push({ at: t, payload: result });
    return undefined;
  }

  /** Has any version been written (the volume is set up)? */
  get written(): boolean {
    return this.versions.length > 0;
  }

  /** The volume's entries at `t`, relative to its root (`/..data`, `/key`, …). */
  files(t: number): ReadonlyMap<string, FixedFile> {
    for (let i = this.versions.length - 1; i >= 0; i--) {
      const v = this.versions[i];
      if (v.at <= t) return (v.files ??= this.layout(v.payload, v.at, i));
    }
    return EMPTY;
  }

  /** When the newest version was written (the root directory's mtime). */
  changedAt(t: number): number {
    for (let i = this.versions.length - 1; i >= 0; i--) if (this.versions[i].at <= t) return this.versions[i].at;
    return 0;
  }

  private layout(payload: Payload, t: number, n: number): ReadonlyMap<string, FixedFile> {
    const dir = this.timestampDir(t, n);
    const files = new Map<string, FixedFile>();
    files.set(`/${dir}`, { kind: 'dir', mode: 0o755, mtime: t });
    const top = new Set<string>();
    for (const [path, { content, mode }] of [...payload].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const parts = path.split('/');
      top.add(parts[0]);
      for (let i = 1; i < parts.length; i++) files.set(`/${dir}/${parts.slice(0, i).join('/')}`, { kind: 'dir', mode: 0o755, mtime: t });
      files.set(`/${dir}/${path}`, { kind: 'file', content: typeof content === 'string' ? content : content.text(), mode, mtime: t });
    }
    files.set('/..data', { kind: 'link', target: dir, mtime: t });
    for (const name of top) files.set(`/${name}`, { kind: 'link', target: `..data/${name}`, mtime: t });
    return files;
  }

  /** `..2006_01_02_15_04_05.` and os.MkdirTemp's random digits (strconv.Itoa of a uint32). */
  private timestampDir(t: number, n: number): string {
    const u = utcParts(t);
    const stamp = `..${u.year}_${pad(u.month)}_${pad(u.day)}_${pad(u.hour)}_${pad(u.minute)}_${pad(u.second)}.`;
    return stamp + String(hash32(`${this.seed}/${n}`));
  }
}

function samePayload(a: Payload, b: Payload): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.content !== v.content || w.mode !== v.mode) return false;
  }
  return true;
}

/** FNV-1a: a stable uint32 from a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
