/**
 * Where the cards above the node boxes go: one column per Deployment with its ReplicaSets stacked
 * under it (indented, so the Deployment's edges run down their left side), one column for each
 * other object, columns in creation order, wrapping into bands as wide as the node boxes.
 *
 * Columns never share x, cards in a column never share y, bands never share y: nothing can
 * overlap however many objects there are. A newcomer is the newest object, so it takes the next
 * column (or the bottom of its Deployment's stack) and nothing before it moves.
 */
export interface WorkloadItem {
  id: string;
  /** Sorts columns and stacks: creation time, then kind, then namespace/name. */
  order: string;
  /** The item whose column this one stacks under (a ReplicaSet's Deployment), if drawn. */
  under?: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WORKLOAD_LAYOUT = {
  /** Two columns and their gutters fit one node box's width (460), four fit two boxes. */
  colW: 190,
  cardH: 54,
  /** Between columns: the gutter where a card's edges run down to its pods. */
  gapX: 36,
  stackGapY: 12,
  bandGapY: 28,
  /** How far a stacked card sits right of its column's head. */
  indent: 22,
} as const;

export interface WorkloadLayout {
  at: Map<string, Rect>;
  /** Height of all bands (0 when there is nothing to draw). */
  height: number;
}

export function layoutWorkloads(items: readonly WorkloadItem[], width: number): WorkloadLayout {
  const L = WORKLOAD_LAYOUT;
  const ids = new Set(items.map((i) => i.id));
  const isHead = (i: WorkloadItem) => !i.under || !ids.has(i.under);
  const heads = items.filter(isHead).sort(byOrder);
  const headIds = new Set(heads.map((h) => h.id));
  const stacks = new Map<string, WorkloadItem[]>(heads.map((h) => [h.id, []]));
  // Only one level of stacking: an item under a stacked item heads its own column instead.
  for (const i of items) if (!isHead(i)) (headIds.has(i.under!) ? stacks.get(i.under!)! : heads).push(i);
  heads.sort(byOrder);
  for (const h of heads) if (!stacks.has(h.id)) stacks.set(h.id, []);
  for (const s of stacks.values()) s.sort(byOrder);

  const perBand = Math.max(1, Math.floor((width + L.gapX) / (L.colW + L.gapX)));
  const step = L.cardH + L.stackGapY;
  const at = new Map<string, Rect>();
  let y = 0;
  for (let b = 0; b < heads.length; b += perBand) {
    let tallest = 0;
    heads.slice(b, b + perBand).forEach((head, j) => {
      const x = j * (L.colW + L.gapX);
      at.set(head.id, { x, y, width: L.colW, height: L.cardH });
      const stack = stacks.get(head.id)!;
      stack.forEach((item, k) => at.set(item.id, { x: x + L.indent, y: y + (k + 1) * step, width: L.colW - L.indent, height: L.cardH }));
      tallest = Math.max(tallest, stack.length + 1);
    });
    y += tallest * step - L.stackGapY + L.bandGapY;
  }
  return { at, height: heads.length ? y - L.bandGapY : 0 };
}

function byOrder(a: WorkloadItem, b: WorkloadItem): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
