import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from './parse-rfc3339';
import { rfc3339 } from './utc';

describe('parseRfc3339', () => {
  it('reads instants, zones and fractions as Go does', () => {
    const at = parseRfc3339('2026-01-01T09:10:00Z');
    expect(at).toEqual({ ms: expect.any(Number) });
    const ms = (at as { ms: number }).ms;
    expect(rfc3339(ms)).toBe('2026-01-01T09:10:00Z');
    expect(parseRfc3339('2026-01-01T10:10:00+01:00')).toEqual({ ms });
    expect(parseRfc3339('2026-01-01T09:10:00.25Z')).toEqual({ ms: ms + 250 });
    expect(parseRfc3339('2024-02-29T00:00:00Z')).toHaveProperty('ms');
  });

  it("fails with Go's messages (checked against kubectl 1.32)", () => {
    const err = (s: string) => (parseRfc3339(s) as { error: string }).error;
    expect(err('yesterday')).toBe('parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"');
    expect(err('2025-01-01')).toBe('parsing time "2025-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"');
    expect(err('2025-1-01T00:00:00Z')).toBe('parsing time "2025-1-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-01T00:00:00Z" as "01"');
    expect(err('2025-01-01T00:00:00+0100')).toBe('parsing time "2025-01-01T00:00:00+0100" as "2006-01-02T15:04:05Z07:00": cannot parse "+0100" as "Z07:00"');
    expect(err('2025-13-01T00:00:00Z')).toBe('parsing time "2025-13-01T00:00:00Z": month out of range');
    expect(err('2025-02-30T00:00:00Z')).toBe('parsing time "2025-02-30T00:00:00Z": day out of range');
    expect(err('2025-01-01T00:00:00Zx')).toBe('parsing time "2025-01-01T00:00:00Zx": extra text: "x"');
  });
});
