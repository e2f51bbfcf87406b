/**
 * A layer of files that changes over virtual time: every write, removal or mkdir is an entry
 * stamped with the instant it happened, so the layer can be read as it was at any moment. A
 * container's writable layer and an emptyDir are journals: processes replayed on demand (a
 * main process, ../../shell/evaluate.ts) add their writes late but in time order, and a reader
 * at `t` sees exactly what had been written by `t`.
 */

export type JournalEntry =
  | { at: number; kind: 'file'; content: string; mode: number }
  /** `>>` from a process replayed on demand: it adds to whatever the file holds then. */
  | { at: number; kind: 'append'; text: string }
  | { at: number; kind: 'dir' }
  | { at: number; kind: 'gone' };

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

const NONE: ReadonlyMap<string, JournalEntry[]> = new Map();

export class FileJournal {
  /**
   * Counts every write to any journal: a cache of what files read at an instant (a server's
   * answers, ../network/pod-app.ts) holds only while no write happened since, even one made
   * at that same instant (`kubectl exec … sh -c 'echo x >> f'`, then a request).
   */
  static writes = 0;
  /** Made at the first write: every atomic volume has a journal, and few are ever written to. */
  private entries: Map<string, JournalEntry[]> | undefined;

  /** Adds an entry, keeping each path's history in time order (ties: the later call wins). */
  record(path: string, entry: JournalEntry): void {
    FileJournal.writes++;
    const entries = (this.entries ??= new Map());
    let list = entries.get(path);
    if (!list) entries.set(path, (list = []));
    let i = list.length;
    while (i > 0 && list[i - 1].at > entry.at) i--;
    list.splice(i, 0, entry);
  }

  /**
   * The path at `t`: its latest entry, with the appends since folded in (an `append` entry when
   * they add to a file this journal does not hold, such as an image's).
   */
  at(path: string, t: number): JournalEntry | undefined {
    const list = this.entries?.get(path);
    if (!list) return undefined;
    let i = list.length - 1;
    while (i >= 0 && list[i].at > t) i--;
    if (i < 0) return undefined;
    const last = list[i];
    if (last.kind !== 'append') return last;
    let text = '';
    for (; i >= 0 && list[i].kind === 'append'; i--) text = (list[i] as { text: string }).text + text;
    const base = i >= 0 ? list[i] : undefined;
    if (!base || base.kind === 'gone') return { at: last.at, kind: 'append', text };
    if (base.kind === 'file') return { at: last.at, kind: 'file', content: base.content + text, mode: base.mode };
    return base;
  }

  /** What the files take on disk at `t`, as du counts it (whole 4 KiB blocks). */
  usedBytes(t: number): number {
    let bytes = 0;
    for (const path of this.paths()) {
      const e = this.at(path, t);
      if (e?.kind === 'file') bytes += Math.ceil(utf8Length(e.content) / 4096) * 4096;
      else if (e?.kind === 'dir') bytes += 4096;
    }
    return bytes;
  }

  /** Every path the journal has an entry for (live or not). */
  paths(): IterableIterator<string> {
    return (this.entries ?? NONE).keys();
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
