import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../core/utc';
import { nextAfter, parseStandard } from './cron-schedule';

const at = (s: string) => Date.parse(s);
const next = (spec: string, from: string, zone?: string) => rfc3339(nextAfter(parseStandard(spec), at(from), zone)!);

describe('cron schedules as robfig/cron ParseStandard reads them', () => {
  it('gives robfig’s own errors', () => {
    expect(() => parseStandard('61 * * * *')).toThrow('end of range (61) above maximum (59): 61');
    expect(() => parseStandard('* * * *')).toThrow('expected exactly 5 fields, found 4: [* * * *]');
    expect(() => parseStandard('@fortnightly')).toThrow('unrecognized descriptor: @fortnightly');
    expect(() => parseStandard('x * * * *')).toThrow('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(() => parseStandard('5-2 * * * *')).toThrow('beginning of range (5) beyond end of range (2): 5-2');
    expect(() => parseStandard('')).toThrow('empty spec string');
  });

  it('finds the next activation strictly after a time', () => {
    expect(next('*/1 * * * *', '2026-01-01T09:10:00Z')).toBe('2026-01-01T09:11:00Z');
    expect(next('*/15 * * * *', '2026-01-01T09:10:30Z')).toBe('2026-01-01T09:15:00Z');
    expect(next('@hourly', '2026-01-01T09:10:00Z')).toBe('2026-01-01T10:00:00Z');
    expect(next('0 0 * * MON', '2026-01-01T09:10:00Z')).toBe('2026-01-05T00:00:00Z');
    expect(next('0 0 1 JAN *', '2026-01-01T09:10:00Z')).toBe('2027-01-01T00:00:00Z');
  });

  it('ORs day-of-month and day-of-week when neither is a star', () => {
    // The 15th, or any Sunday: Sunday 4 January comes first.
    expect(next('0 0 15 * SUN', '2026-01-01T00:00:00Z')).toBe('2026-01-04T00:00:00Z');
  });

  it('runs in the CronJob’s time zone', () => {
    expect(next('0 9 * * *', '2026-01-01T00:00:00Z', 'Europe/Paris')).toBe('2026-01-01T08:00:00Z');
    expect(next('0 9 * * *', '2026-07-01T00:00:00Z', 'Europe/Paris')).toBe('2026-07-01T07:00:00Z');
  });
});
