import { describe, it, expect } from 'vitest';
import { nanosHex } from './events';
import { Rng } from './core/rng';

describe('nanosHex', () => {
  it('equals the BigInt formula, past 2^53 too', () => {
    const rng = new Rng('nanos');
    const cases: [number, number][] = [[0, 0], [1, 0], [0xffffff, 3], [0x1000000, 0], [Date.UTC(2026, 0, 1, 9), 123456], [Date.UTC(2099, 0, 1), 99_999_999]];
    for (let i = 0; i < 2000; i++) cases.push([rng.int(0, 4e12), rng.int(0, 1e7)]);
    for (const [ms, seq] of cases) expect(nanosHex(ms, seq)).toBe((BigInt(ms) * 1_000_000n + BigInt(seq)).toString(16));
  });
});

describe('Rng.uuid', () => {
  it('is a version-4 UUID built from 32 hex draws', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    for (let i = 0; i < 200; i++) {
      const hex = b.string(32, '0123456789abcdef').split('');
      hex[12] = '4';
      hex[16] = '89ab'[parseInt(hex[16], 16) & 3];
      const s = hex.join('');
      expect(a.uuid()).toBe(`${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`);
    }
  });
});
