import { describe, expect, it } from 'vitest';
import { date } from './date';
import { run, runBoth } from './test-io';

const sys = { now: () => 1_700_000_000_000 };

describe('date', () => {
  it('prints the virtual now in the C locale, UTC', () => {
    for (const r of runBoth(date, 'date', { sys })) expect(r.out).toBe('Tue Nov 14 22:13:20 UTC 2023\n');
    for (const r of runBoth(date, 'date -R', { sys })) expect(r.out).toBe('Tue, 14 Nov 2023 22:13:20 +0000\n');
    for (const r of runBoth(date, 'date -I', { sys })) expect(r.out).toBe('2023-11-14\n');
    for (const r of runBoth(date, 'date -Iseconds', { sys })) expect(r.out).toBe('2023-11-14T22:13:20+00:00\n');
  });
  it('formats +FORMAT', () => {
    const fmt = ['date', '-u', '+%Y-%m-%d %H:%M:%S %Z %z %s %a %A %b %B %e %j %p %I %y %T %D %F %R %u %w'];
    for (const r of runBoth(date, fmt, { sys })) {
      expect(r.out).toBe('2023-11-14 22:13:20 UTC +0000 1700000000 Tue Tuesday Nov November 14 318 PM 10 23 22:13:20 11/14/23 2023-11-14 22:13 2 2\n');
    }
    expect(run(date, 'gnu', 'date +%N%%%Q', { sys }).out).toBe('000000000%%Q\n');
    expect(run(date, 'busybox', 'date +%N%%%Q', { sys }).out).toBe('%N%%Q\n');
  });
  it('reads -d', () => {
    for (const r of runBoth(date, ['date', '-d', '2024-01-02 03:04:05'])) expect(r.out).toBe('Tue Jan  2 03:04:05 UTC 2024\n');
    for (const r of runBoth(date, 'date -d @1700000000')) expect(r.out).toBe('Tue Nov 14 22:13:20 UTC 2023\n');
    for (const r of runBoth(date, 'date -d 2024-01-02 +%s')) expect(r.out).toBe('1704153600\n');
    expect(run(date, 'gnu', 'date -d 2024-01-02T03:04:05Z +%s').out).toBe('1704164645\n');
    expect(run(date, 'busybox', 'date -d 2024-01-02T03:04:05Z +%s').err).toBe("date: invalid date '2024-01-02T03:04:05Z'\n");
    for (const r of runBoth(date, 'date -d foo')) expect([r.err, r.code]).toEqual(["date: invalid date 'foo'\n", 1]);
  });
});
