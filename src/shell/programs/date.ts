/**
 * date [-u] [-R] [-I[SPEC]] [-d STRING] [+FORMAT] — coreutils date.c and busybox
 * coreutils/date.c, always UTC as in a container (checked against GNU date 9.1 and busybox
 * 1.35). Both print `Tue Nov 14 22:13:20 UTC 2023` by default. -d takes `@SECONDS`,
 * `YYYY-MM-DD[ HH:MM[:SS]]` and (GNU) ISO `…T…Z`. busybox leaves `%N` as it is.
 */
import { DAY_NAMES, MONTH_NAMES, pad, utcParts } from '../../sim/core/utc';
import type { Program } from '../program';
import { complain, has, last, parseOpts, usageError } from './common';

const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const date: Program = (io) => {
  const gnu = io.userland === 'gnu';
  // -I[SPEC] / --iso-8601[=SPEC] take an optional argument, which getopt here does not.
  let iso: string | undefined;
  const args = io.argv.slice(1).filter((a) => {
    const m = /^(?:-I|--iso-8601=?)(\w*)$/.exec(a);
    if (m && (gnu || a.startsWith('-I'))) iso = m[1] || 'date';
    return !m;
  });
  const p = parseOpts(io, {
    short: gnu ? 'ud:R' : 'ud:RD:r:s:',
    long: gnu ? { utc: 'u', universal: 'u', 'date=': 'd', 'rfc-email': 'R' } : undefined,
  }, args);
  if (typeof p === 'number') return p;
  let ms = io.sys.now();
  const spec = last(p, 'd');
  if (spec !== undefined) {
    const parsed = parseDate(spec, gnu);
    if (parsed === undefined) { complain(io, `invalid date '${spec}'`); return 1; }
    ms = parsed;
  }
  const formats = p.operands.filter((o) => o.startsWith('+'));
  if (p.operands.length > formats.length || formats.length > 1) {
    const bad = p.operands.find((o) => !o.startsWith('+')) ?? p.operands[1];
    return gnu ? usageError(io, 1, `invalid date '${bad}'`) : usageError(io, 1);
  }
  let format = '%a %b %e %H:%M:%S %Z %Y';
  if (has(p, 'R')) format = '%a, %d %b %Y %H:%M:%S %z';
  if (iso) format = iso === 'seconds' ? '%Y-%m-%dT%H:%M:%S%:z' : iso === 'minutes' ? '%Y-%m-%dT%H:%M%:z' : iso === 'hours' ? '%Y-%m-%dT%H%:z' : '%Y-%m-%d';
  if (formats[0]) format = formats[0].slice(1);
  io.out(strftime(format, ms, gnu) + '\n');
  return 0;
};

/** strftime(3) in the C locale and UTC. */
export function strftime(format: string, ms: number, gnu = true): string {
  const t = utcParts(ms);
  const hour12 = t.hour % 12 || 12;
  const yday = Math.floor((ms - Date.UTC(t.year, 0, 1)) / 86_400_000) + 1;
  const conv: Record<string, () => string> = {
    a: () => DAY_NAMES[t.weekday], A: () => LONG_DAYS[t.weekday], b: () => MONTH_NAMES[t.month - 1], h: () => MONTH_NAMES[t.month - 1],
    B: () => LONG_MONTHS[t.month - 1], c: () => strftime('%a %b %e %H:%M:%S %Y', ms), C: () => pad(Math.floor(t.year / 100)),
    d: () => pad(t.day), D: () => strftime('%m/%d/%y', ms), e: () => String(t.day).padStart(2), F: () => strftime('%Y-%m-%d', ms),
    H: () => pad(t.hour), I: () => pad(hour12), j: () => pad(yday, 3), k: () => String(t.hour).padStart(2), l: () => String(hour12).padStart(2),
    m: () => pad(t.month), M: () => pad(t.minute), n: () => '\n', p: () => (t.hour < 12 ? 'AM' : 'PM'), P: () => (t.hour < 12 ? 'am' : 'pm'),
    r: () => strftime('%I:%M:%S %p', ms), R: () => strftime('%H:%M', ms), s: () => String(Math.floor(ms / 1000)),
    S: () => pad(t.second), t: () => '\t', T: () => strftime('%H:%M:%S', ms), u: () => String(t.weekday || 7),
    w: () => String(t.weekday), x: () => strftime('%m/%d/%y', ms), X: () => strftime('%H:%M:%S', ms),
    y: () => pad(t.year % 100), Y: () => String(t.year), z: () => '+0000', Z: () => 'UTC', '%': () => '%',
  };
  if (gnu) conv.N = () => pad(t.millisecond * 1_000_000, 9);
  return format.replace(/%(:z|.)/g, (m, k: string) => (k === ':z' ? '+00:00' : conv[k]?.() ?? m));
}

/** The -d forms both userlands take; undefined if neither would. */
function parseDate(s: string, gnu: boolean): number | undefined {
  const at = /^@(-?\d+)$/.exec(s.trim());
  if (at) return Number(at[1]) * 1000;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(?::(\d{2}))?(Z)?)?$/.exec(s.trim());
  if (!m || (!gnu && (m[4] === 'T' || m[8]))) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0));
}
