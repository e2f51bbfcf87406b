import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { layoutWorkloads, WORKLOAD_LAYOUT, type Rect, type WorkloadItem } from './workload-layout';

const WIDTH = 944;

/** N Deployments with M ReplicaSets each, K Services, created interleaved (as a session does). */
function cluster(n: number, m: number, k: number): WorkloadItem[] {
  const items: WorkloadItem[] = [];
  for (let d = 0; d < n; d++) {
    items.push({ id: `deploy:${d}`, order: `t${String(d * 10).padStart(4, '0')}` });
    for (let r = 0; r < m; r++) items.push({ id: `rs:${d}-${r}`, order: `t${String(d * 10 + r + 1).padStart(4, '0')}`, under: `deploy:${d}` });
  }
  for (let s = 0; s < k; s++) items.push({ id: `svc:${s}`, order: `t${String(s * 10 + 5).padStart(4, '0')}` });
  return items;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutWorkloads', () => {
  it('never overlaps two cards, for any number of Deployments, ReplicaSets and Services', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 14 }), fc.constantFrom(460, 944, 1400), (n, m, k, width) => {
        const { at } = layoutWorkloads(cluster(n, m, k), width);
        const rects = [...at.values()];
        expect(rects).toHaveLength(n * (m + 1) + k);
        for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i], rects[j])).toBe(false);
        // Within the width of the node boxes (one column at least).
        for (const r of rects) expect(r.x + r.width).toBeLessThanOrEqual(Math.max(width, WORKLOAD_LAYOUT.colW));
      }),
    );
  });

  it('puts each ReplicaSet under its Deployment: inside its column, below it, in creation order', () => {
    const { at } = layoutWorkloads(cluster(6, 3, 4), WIDTH);
    for (let d = 0; d < 6; d++) {
      const deploy = at.get(`deploy:${d}`)!;
      let above = deploy;
      for (let r = 0; r < 3; r++) {
        const rs = at.get(`rs:${d}-${r}`)!;
        expect(rs.x).toBeGreaterThanOrEqual(deploy.x);
        expect(rs.x + rs.width).toBeLessThanOrEqual(deploy.x + deploy.width);
        expect(rs.y).toBeGreaterThan(above.y + above.height - 1);
        above = rs;
      }
    }
  });

  it('wraps columns into bands as wide as the node boxes', () => {
    const { at, height } = layoutWorkloads(cluster(9, 0, 0), WIDTH);
    const ys = new Set([...at.values()].map((r) => r.y));
    expect(ys.size).toBe(3); // 4 columns fit 944 px
    expect(height).toBe(3 * WORKLOAD_LAYOUT.cardH + 2 * WORKLOAD_LAYOUT.bandGapY);
    expect(layoutWorkloads([], WIDTH).height).toBe(0);
  });

  it('moves nothing when a newer object is added', () => {
    const before = layoutWorkloads(cluster(5, 1, 2), WIDTH).at;
    const items = [...cluster(5, 1, 2), { id: 'deploy:new', order: 't9999' }];
    const after = layoutWorkloads(items, WIDTH).at;
    for (const [id, r] of before) expect(after.get(id)).toEqual(r);
    // A rollout's new ReplicaSet goes to the bottom of its stack: nothing in its band moves,
    // and later bands only move down, together.
    const rollout = layoutWorkloads([...cluster(5, 1, 2), { id: 'rs:0-new', order: 't9999', under: 'deploy:0' }], WIDTH).at;
    const band0 = before.get('deploy:0')!.y;
    const shift = rollout.get('deploy:4')!.y - before.get('deploy:4')!.y;
    expect(shift).toBe(WORKLOAD_LAYOUT.cardH + WORKLOAD_LAYOUT.stackGapY);
    for (const [id, r] of before) expect(rollout.get(id)).toEqual(r.y === band0 || id === 'rs:0-0' || id === 'rs:1-0' ? r : { ...r, y: r.y + shift });
    expect(rollout.get('rs:0-new')!.y).toBeGreaterThan(before.get('rs:0-0')!.y);
  });

  it('is deterministic: the same objects in any order give the same layout', () => {
    const items = cluster(7, 2, 3);
    const a = layoutWorkloads(items, WIDTH).at;
    const b = layoutWorkloads([...items].reverse(), WIDTH).at;
    expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
  });

  it('draws a ReplicaSet whose Deployment is gone in a column of its own', () => {
    const { at } = layoutWorkloads([{ id: 'rs:lone', order: 't1', under: 'deploy:gone' }, { id: 'svc', order: 't2' }], WIDTH);
    expect(at.get('rs:lone')).toMatchObject({ x: 0, y: 0, width: WORKLOAD_LAYOUT.colW });
    expect(at.get('svc')!.x).toBeGreaterThan(0);
  });
});
