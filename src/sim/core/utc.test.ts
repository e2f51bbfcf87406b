import { describe, expect, it } from 'vitest';
import { rfc1123z, rfc3339, utcParts } from './utc';

describe('utc', () => {
  it('agrees with Date for instants across four centuries, leap days included', () => {
    const samples = [0, 951_782_400_000, 4_107_542_399_999, -86_400_001, Date.UTC(2026, 0, 1, 9, 0, 0)];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor((i * 7_919_993_311_117) % 9_000_000_000_000) - 2_000_000_000_000);
    for (const ms of samples) {
      const d = new Date(ms);
      expect(utcParts(ms)).toEqual({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        millisecond: d.getUTCMilliseconds(),
        weekday: d.getUTCDay(),
      });
    }
  });

  it('formats as Kubernetes and Go print timestamps', () => {
    const ms = Date.UTC(2026, 0, 1, 9, 10, 0) + 750;
    expect(rfc3339(ms)).toBe('2026-01-01T09:10:00Z');
    expect(rfc1123z(ms)).toBe('Thu, 01 Jan 2026 09:10:00 +0000');
  });
});
