import { describe, it, expect } from 'vitest';
import { goDuration, Backoff } from './backoff';

describe('back-off', () => {
  it('doubles from 10s to 5m and resets after 10 quiet minutes', () => {
    const b = new Backoff();
    const seq = [0, 1, 2, 3, 4, 5, 6].map((i) => b.next('k', i * 1000));
    expect(seq).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(b.next('k', 6000 + 600_001)).toBe(10_000);
    expect(b.inBackoffSince('k', 606_001, 610_000)).toBe(true);
    expect(b.inBackoffSince('k', 606_001, 616_001)).toBe(false);
  });

  it('formats Go durations', () => {
    expect(goDuration(10_000)).toBe('10s');
    expect(goDuration(80_000)).toBe('1m20s');
    expect(goDuration(300_000)).toBe('5m0s');
    expect(goDuration(547)).toBe('547ms');
    expect(goDuration(2345)).toBe('2.345s');
    expect(goDuration(61_500)).toBe('1m1.5s');
  });
});
