/**
 * Stable grid slots: a pod keeps the slot it got in its box until it leaves, and a new pod
 * takes the lowest free slot. So nothing on screen jumps when another pod comes or goes.
 *
 * Incremental, because it runs on every patch: a round is `begin()`, `keep(key, box)` for every
 * current item (true when it already has its slot there), `sweep()` to free the slots of items
 * that left or moved, then `place(key, box)` for the newcomers in the order they should fill in.
 * No per-round sets or sorting: the cost is a map lookup per item.
 */
interface Placed {
  box: string;
  slot: number;
  round: number;
}

interface BoxSlots {
  /** Item key by slot; `undefined` is a free slot. Trailing free slots are trimmed. */
  items: (string | undefined)[];
  /** No free slot below this. */
  firstFree: number;
}

export class SlotAllocator {
  private readonly placed = new Map<string, Placed>();
  private readonly boxes = new Map<string, BoxSlots>();
  private round = 0;

  begin(): void {
    this.round++;
  }

  /** Marks `key` as still in `box`; false when it has no slot there yet (then `place` it after `sweep`). */
  keep(key: string, box: string): boolean {
    const p = this.placed.get(key);
    if (!p || p.box !== box) return false;
    p.round = this.round;
    return true;
  }

  /** Frees the slots of every item not kept in this round. */
  sweep(): void {
    for (const [key, p] of this.placed) {
      if (p.round === this.round) continue;
      this.placed.delete(key);
      const b = this.boxes.get(p.box)!;
      b.items[p.slot] = undefined;
      if (p.slot < b.firstFree) b.firstFree = p.slot;
      while (b.items.length && b.items[b.items.length - 1] === undefined) b.items.pop();
    }
  }

  /** Gives `key` the lowest free slot of `box`. */
  place(key: string, box: string): number {
    let b = this.boxes.get(box);
    if (!b) this.boxes.set(box, (b = { items: [], firstFree: 0 }));
    let slot = b.firstFree;
    while (slot < b.items.length && b.items[slot] !== undefined) slot++;
    b.items[slot] = key;
    b.firstFree = slot + 1;
    this.placed.set(key, { box, slot, round: this.round });
    return slot;
  }

  slotOf(key: string): { box: string; slot: number } | undefined {
    return this.placed.get(key);
  }

  /** The box's items by slot (`undefined` = free), up to its last used slot. */
  itemsOf(box: string): readonly (string | undefined)[] {
    return this.boxes.get(box)?.items ?? [];
  }

  /** Slots a box needs to show: one past its highest used slot. */
  extent(box: string): number {
    return this.boxes.get(box)?.items.length ?? 0;
  }

  /**
   * One whole round from a membership list (box → keys, newcomers in the given order).
   * Returns item key → [box, slot].
   */
  assign(members: Map<string, string[]>): Map<string, { box: string; slot: number }> {
    this.begin();
    const newcomers: [string, string][] = [];
    for (const [box, keys] of members) for (const key of keys) if (!this.keep(key, box)) newcomers.push([key, box]);
    this.sweep();
    for (const [key, box] of newcomers) this.place(key, box);
    const out = new Map<string, { box: string; slot: number }>();
    for (const keys of members.values()) for (const key of keys) out.set(key, this.slotOf(key)!);
    return out;
  }
}
