import { describe, it, expect } from 'vitest';
import { goSort } from './go-sort';

function sorted(values: number[]): number[] {
  const a = [...values];
  goSort({ len: a.length, less: (i, j) => a[i] < a[j], swap: (i, j) => ([a[i], a[j]] = [a[j], a[i]]) });
  return a;
}

describe('goSort (Go sort.Sort)', () => {
  it('sorts every shape that takes pdqsort down its other paths', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const shapes: Record<string, (n: number) => number[]> = {
      random: (n) => Array.from({ length: n }, () => Math.floor(rnd() * n)),
      ascending: (n) => Array.from({ length: n }, (_, i) => i),
      descending: (n) => Array.from({ length: n }, (_, i) => n - i),
      sawtooth: (n) => Array.from({ length: n }, (_, i) => i % 7),
      fewValues: (n) => Array.from({ length: n }, () => Math.floor(rnd() * 3)),
      organPipe: (n) => Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
    };
    for (const [name, make] of Object.entries(shapes)) {
      for (const n of [0, 1, 2, 12, 13, 49, 50, 51, 200, 1000]) {
        const values = make(n);
        expect(sorted(values), `${name} ${n}`).toEqual([...values].sort((a, b) => a - b));
      }
    }
  });

  it('is not stable from 13 items on, as kubectl users see in --sort-by ties', () => {
    const keys = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const ids = keys.map((_, i) => i);
    goSort({
      len: keys.length,
      less: (i, j) => keys[i] < keys[j],
      swap: (i, j) => {
        [keys[i], keys[j]] = [keys[j], keys[i]];
        [ids[i], ids[j]] = [ids[j], ids[i]];
      },
    });
    expect(ids).toEqual([6, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 0]);
  });
});
