import { describe, expect, it } from 'vitest';
import { Rng, SAFE_ALPHABET } from './rng';

describe('Rng', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });

  it('forks independent streams: using one fork does not shift another', () => {
    const root1 = new Rng(1);
    const root2 = new Rng(1);
    const x1 = root1.fork('scheduler');
    root2.fork('kubelet').next();
    const x2 = root2.fork('scheduler');
    expect(x1.next()).toBe(x2.next());
  });

  it('makes k8s-style suffixes and v4 uuids', () => {
    const r = new Rng('s');
    expect(r.string(5, SAFE_ALPHABET)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('int stays within bounds', () => {
    const r = new Rng(3);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(2, 4);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(4);
    }
  });
});
