import { describe, it, expect } from 'vitest';
import { age, humanDuration, shortHumanDuration } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    [-3 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 5 * s, '2m5s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [8 * h + 5 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [8 * d + 3 * h, '8d'],
    [729 * d, '729d'],
    [2 * 365 * d + 10 * d, '2y10d'],
    [9 * 365 * d, '9y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('shortHumanDuration and age', () => {
  it('rounds to the largest unit', () => {
    expect(shortHumanDuration(59 * s)).toBe('59s');
    expect(shortHumanDuration(90 * m)).toBe('1h');
    expect(shortHumanDuration(3 * d)).toBe('3d');
  });
  it('reads RFC 3339 timestamps against virtual now', () => {
    const now = Date.UTC(2026, 0, 1, 9, 10, 0);
    expect(age('2026-01-01T09:00:00Z', now)).toBe('10m');
    expect(age(undefined, now)).toBe('<unknown>');
  });
});
