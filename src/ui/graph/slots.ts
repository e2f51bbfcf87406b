/**
 * Stable grid slots: a pod keeps the slot it got in its box until it leaves, and a new pod
 * takes the lowest free slot. So nothing on screen jumps when another pod comes or goes.
 */
export class SlotAllocator {
  /** box id → (item key → slot) */
  private boxes = new Map<string, Map<string, number>>();

  /**
   * Assigns slots for the current members of every box (in the given order for newcomers);
   * members that left free their slots first. Returns item key → [box, slot].
   */
  assign(members: Map<string, string[]>): Map<string, { box: string; slot: number }> {
    const out = new Map<string, { box: string; slot: number }>();
    for (const [box, slots] of this.boxes) {
      const keep = new Set(members.get(box) ?? []);
      for (const key of slots.keys()) if (!keep.has(key)) slots.delete(key);
      if (slots.size === 0 && !members.has(box)) this.boxes.delete(box);
    }
    for (const [box, keys] of members) {
      let slots = this.boxes.get(box);
      if (!slots) this.boxes.set(box, (slots = new Map()));
      const used = new Set(slots.values());
      let free = 0;
      for (const key of keys) {
        let slot = slots.get(key);
        if (slot === undefined) {
          while (used.has(free)) free++;
          slot = free;
          used.add(slot);
          slots.set(key, slot);
        }
        out.set(key, { box, slot });
      }
    }
    return out;
  }

  /** Slots a box needs to show: one past its highest used slot. */
  extent(box: string): number {
    let max = -1;
    for (const slot of this.boxes.get(box)?.values() ?? []) if (slot > max) max = slot;
    return max + 1;
  }
}
