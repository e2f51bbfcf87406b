/**
 * How pods are drawn inside a node box (or the Pending lane): the cell size and column count
 * that keep the whole cluster readable. A handful of pods get cards with name and status; a few
 * dozen get compact tiles with the name's suffix; hundreds get coloured squares; past what a
 * box can show, the box stops growing and says how many are not drawn.
 *
 * The grid depends only on how many slots a box needs (`SlotAllocator.extent`), so slots stay
 * where they are: a pod keeps its slot, and its place changes only when the whole box changes tier.
 */
export type CellTier = 'card' | 'compact' | 'dot';

export interface Grid {
  tier: CellTier;
  /** Cell width and height, and the gap between cells (px). */
  w: number;
  h: number;
  gap: number;
  cols: number;
  /** Rows drawn (at least 1); slots at or past `cols * rows` are not drawn. */
  rows: number;
}

interface TierSpec {
  tier: CellTier;
  w: number;
  h: number;
  gap: number;
  /** The most rows this tier draws before the next, smaller tier takes over. */
  maxRows: number;
}

const TIERS: readonly TierSpec[] = [
  { tier: 'card', w: 140, h: 46, gap: 8, maxRows: 4 },
  { tier: 'compact', w: 68, h: 24, gap: 4, maxRows: 8 },
  { tier: 'dot', w: 14, h: 14, gap: 3, maxRows: 16 },
];

export const BOX = {
  pad: 12,
  header: 34,
  /** The summary line under a grid of squares: counts by status, and what is not drawn. */
  footer: 24,
  /** Inner widths: a node box fits 3 cards; the Pending lane spans two boxes. */
  boxInnerW: 3 * 140 + 2 * 8,
} as const;

export const BOX_W = 2 * BOX.pad + BOX.boxInnerW;

const cache = new Map<string, Grid>();

/** The grid for a box `innerW` wide that needs `extent` slots (identical objects for equal grids). */
export function gridFor(extent: number, innerW: number): Grid {
  let spec = TIERS[TIERS.length - 1];
  for (const t of TIERS) {
    if (extent <= columns(t, innerW) * t.maxRows) {
      spec = t;
      break;
    }
  }
  const cols = columns(spec, innerW);
  const rows = Math.min(spec.maxRows, Math.max(1, Math.ceil(extent / cols)));
  const key = `${spec.tier}:${cols}:${rows}`;
  let grid = cache.get(key);
  if (!grid) cache.set(key, (grid = { tier: spec.tier, w: spec.w, h: spec.h, gap: spec.gap, cols, rows }));
  return grid;
}

/** The same tier for several boxes (node boxes side by side look alike): the one the fullest needs. */
export function sharedGrid(extents: readonly number[], innerW: number): Grid {
  return gridFor(Math.max(0, ...extents), innerW);
}

/** A grid with the same tier and columns, but only the rows `extent` slots need. */
export function withRowsFor(grid: Grid, extent: number): Grid {
  const rows = Math.min(TIERS.find((t) => t.tier === grid.tier)!.maxRows, Math.max(1, Math.ceil(extent / grid.cols)));
  if (rows === grid.rows) return grid;
  const key = `${grid.tier}:${grid.cols}:${rows}`;
  let out = cache.get(key);
  if (!out) cache.set(key, (out = { ...grid, rows }));
  return out;
}

export function capacity(grid: Grid): number {
  return grid.cols * grid.rows;
}

/** Whether the grid has a summary line under it. */
export function hasFooter(grid: Grid): boolean {
  return grid.tier === 'dot';
}

export function boxHeight(grid: Grid): number {
  return BOX.header + BOX.pad + grid.rows * (grid.h + grid.gap) - grid.gap + BOX.pad + (hasFooter(grid) ? BOX.footer : 0);
}

/** Where slot `slot` sits, relative to the box's top-left corner. */
export function cellOffset(grid: Grid, slot: number): { x: number; y: number } {
  return {
    x: BOX.pad + (slot % grid.cols) * (grid.w + grid.gap),
    y: BOX.header + BOX.pad + Math.floor(slot / grid.cols) * (grid.h + grid.gap),
  };
}

function columns(t: TierSpec, innerW: number): number {
  return Math.max(1, Math.floor((innerW + t.gap) / (t.w + t.gap)));
}
