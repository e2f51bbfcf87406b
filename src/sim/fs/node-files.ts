/**
 * The nodes' own filesystems. A kind node is a container: what a hostPath or local-path volume
 * writes lands in that node's files and outlives every pod; another node never sees it. One
 * journal per node, by absolute path; a volume mounts a folder of it (`subtree`).
 */
import type { SimContext } from '../context';
import { FileJournal, type JournalEntry } from './journal';

export class NodeFilesystems {
  private readonly nodes = new Map<string, FileJournal>();
  private readonly writers = new Map<string, Set<(t: number) => void>>();
  private syncing = false;

  of(node: string): FileJournal {
    let j = this.nodes.get(node);
    if (!j) this.nodes.set(node, (j = new FileJournal()));
    return j;
  }

  /**
   * A pod whose main processes write to the node's files (replayed on demand) registers how to
   * bring them up to a moment; returns how to unregister.
   */
  watch(node: string, bringUpTo: (t: number) => void): () => void {
    let set = this.writers.get(node);
    if (!set) this.writers.set(node, (set = new Set()));
    set.add(bringUpTo);
    return () => set!.delete(bringUpTo);
  }

  /** Before a read at `t`: every writer on the node up to `t` (not re-entrant). */
  sync(node: string, t: number): void {
    const set = this.writers.get(node);
    if (!set?.size || this.syncing) return;
    this.syncing = true;
    try {
      for (const w of [...set]) w(t);
    } finally {
      this.syncing = false;
    }
  }
}

/** The cluster's node filesystems (made on first use by a context built without them). */
export function nodeFilesOf(ctx: SimContext): NodeFilesystems {
  return (ctx.nodeFiles ??= new NodeFilesystems());
}

/**
 * A folder of a node's journal seen as a volume's own journal: the volume's `/x` is the node's
 * `<root>/x`. Writes through the volume are the node's writes.
 */
export class SubtreeJournal extends FileJournal {
  constructor(
    private readonly base: FileJournal,
    private readonly root: string,
  ) {
    super();
  }

  private full(rel: string): string {
    return rel === '/' ? this.root : this.root + rel;
  }

  override record(path: string, entry: JournalEntry): void {
    this.base.record(this.full(path), entry);
  }

  override at(path: string, t: number): JournalEntry | undefined {
    return this.base.at(this.full(path), t);
  }

  override *paths(): IterableIterator<string> {
    const prefix = this.root + '/';
    for (const p of this.base.paths()) if (p.startsWith(prefix)) yield p.slice(this.root.length);
  }

  override get size(): number {
    return [...this.paths()].length;
  }
}

/** What `mkdir -p` leaves in a journal at `at`: every missing folder on the way to `path`. */
export function mkdirAll(journal: FileJournal, path: string, at: number): void {
  const parts = path.split('/').filter(Boolean);
  let p = '';
  for (const part of parts) {
    p += '/' + part;
    const e = journal.at(p, at);
    if (!e || e.kind === 'gone') journal.record(p, { at, kind: 'dir' });
  }
}

/** What `rm -rf` leaves: the path and everything under it gone at `at`. */
export function removeAll(journal: FileJournal, path: string, at: number): void {
  const under = [...journal.paths()].filter((p) => p === path || p.startsWith(path + '/'));
  for (const p of under) {
    const e = journal.at(p, at);
    if (e && e.kind !== 'gone') journal.record(p, { at, kind: 'gone' });
  }
}
