import { describe, it, expect } from 'vitest';
import { BOX, boxHeight, capacity, cellOffset, gridFor, sharedGrid, withRowsFor } from './grid';

describe('gridFor', () => {
  it('draws a few pods as cards, three to a row in a node box', () => {
    const g = gridFor(5, BOX.boxInnerW);
    expect(g).toMatchObject({ tier: 'card', cols: 3, rows: 2 });
    expect(g.cols * g.w + (g.cols - 1) * g.gap).toBeLessThanOrEqual(BOX.boxInnerW);
  });

  it('switches to compact tiles, then squares, as a box gets crowded', () => {
    expect(gridFor(12, BOX.boxInnerW).tier).toBe('card');
    expect(gridFor(13, BOX.boxInnerW).tier).toBe('compact');
    const dots = gridFor(110, BOX.boxInnerW);
    expect(dots.tier).toBe('dot');
    expect(capacity(dots)).toBeGreaterThanOrEqual(110);
    // 110 pods (a kind node's limit) stay a short box, not a tall strip.
    expect(boxHeight(dots)).toBeLessThan(200);
  });

  it('stops growing past what a box can show', () => {
    const huge = gridFor(5000, BOX.boxInnerW);
    expect(huge).toEqual(gridFor(800, BOX.boxInnerW));
    expect(capacity(huge)).toBeLessThan(5000);
    expect(boxHeight(huge)).toBeLessThan(400);
  });

  it('returns the identical object for the same grid (cheap comparisons downstream)', () => {
    expect(gridFor(40, BOX.boxInnerW)).toBe(gridFor(41, BOX.boxInnerW));
  });

  it('fits more columns in a wider box', () => {
    expect(gridFor(1, 2 * BOX.boxInnerW).cols).toBeGreaterThan(gridFor(1, BOX.boxInnerW).cols);
  });
});

describe('shared grids and offsets', () => {
  it('gives side-by-side boxes the tier of the fullest, each row only the rows it needs', () => {
    const shared = sharedGrid([2, 100, 0], BOX.boxInnerW);
    expect(shared.tier).toBe('dot');
    const short = withRowsFor(shared, 2);
    expect(short).toMatchObject({ tier: 'dot', cols: shared.cols, rows: 1 });
  });

  it('places slots left to right, then top down, below the header', () => {
    const g = gridFor(5, BOX.boxInnerW);
    expect(cellOffset(g, 0)).toEqual({ x: BOX.pad, y: BOX.header + BOX.pad });
    expect(cellOffset(g, 1).x).toBe(BOX.pad + g.w + g.gap);
    expect(cellOffset(g, 3)).toEqual({ x: BOX.pad, y: BOX.header + BOX.pad + g.h + g.gap });
  });
});
