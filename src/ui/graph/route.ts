/**
 * The path of an edge from a card down to a pod or a node box: out of the card's right side into
 * the gutter beside its column, down the gutter (where no card is), across just above the target,
 * then down into it. Cards stacked under the source are never crossed.
 */
import { WORKLOAD_LAYOUT } from './workload-layout';

/** How far right of its card an edge runs down: the middle of the gap between columns. */
export const GUTTER = WORKLOAD_LAYOUT.gapX / 2;

export function gutterPath(sx: number, sy: number, tx: number, ty: number, turnAbove: number): string {
  const gx = sx + GUTTER;
  const turnY = Math.max(sy, ty - turnAbove);
  return roundedPath([
    [sx, sy],
    [gx, sy],
    [gx, turnY],
    [tx, turnY],
    [tx, ty],
  ]);
}

/** An SVG path through `points` with rounded corners (radius at most `r`, less on short legs). */
export function roundedPath(points: readonly (readonly [number, number])[], r = 6): string {
  const pts = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  let d = `M${pts[0][0]},${pts[0][1]}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const [px, py] = pts[i - 1];
    const [x, y] = pts[i];
    const [nx, ny] = pts[i + 1];
    const rin = Math.min(r, Math.hypot(x - px, y - py) / 2);
    const rout = Math.min(r, Math.hypot(nx - x, ny - y) / 2);
    const k = Math.min(rin, rout);
    const ax = x - Math.sign(x - px) * k;
    const ay = y - Math.sign(y - py) * k;
    const bx = x + Math.sign(nx - x) * k;
    const by = y + Math.sign(ny - y) * k;
    d += ` L${ax},${ay} Q${x},${y} ${bx},${by}`;
  }
  const last = pts[pts.length - 1];
  return pts.length > 1 ? `${d} L${last[0]},${last[1]}` : d;
}
