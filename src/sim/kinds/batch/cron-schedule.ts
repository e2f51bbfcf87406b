/**
 * Cron schedules as the CronJob controller reads them: github.com/robfig/cron/v3's
 * `ParseStandard` (five fields — minute hour day-of-month month day-of-week — names JAN…DEC and
 * SUN…SAT, `*`, `?`, lists, ranges, steps, the `@hourly`-style descriptors and `@every <d>`)
 * with its exact error texts, and `Next` on the virtual clock in a time zone.
 *
 * Written here rather than taken from npm: no cron package is installed, and the ones on npm
 * (cron-parser, croner) differ from robfig/cron in what they accept (six fields, `L`, `#`, `W`)
 * and in their error messages, which the api-server prints verbatim.
 */
import { goQuote } from '../../core/gostr';
import { utcParts } from '../../core/utc';

interface Bounds { min: number; max: number; names?: Record<string, number> }

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

/** A parsed schedule: the set of allowed values per field, or a constant delay (`@every`). */
export type CronSchedule =
  | { kind: 'spec'; minute: Set<number>; hour: Set<number>; dom: Set<number>; month: Set<number>; dow: Set<number>; domStar: boolean; dowStar: boolean; zone?: string }
  | { kind: 'every'; ms: number };

export class CronParseError extends Error {}

/** `cron.ParseStandard(spec)`: the schedule, or throws CronParseError with robfig's message. */
export function parseStandard(spec: string): CronSchedule {
  if (spec.length === 0) throw new CronParseError('empty spec string');
  let zone: string | undefined;
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const i = rest.indexOf(' ');
    zone = rest.slice(rest.indexOf('=') + 1, i < 0 ? undefined : i);
    rest = i < 0 ? '' : rest.slice(i).trim();
    if (!validZone(zone)) throw new CronParseError(`provided bad location ${zone}: unknown time zone ${zone}`);
  }
  const fields = rest.split(/\s+/).filter((f) => f !== '');
  if (fields.length > 0 && fields[0].startsWith('@')) return parseDescriptor(fields.join(' '), zone);
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const sets = fields.map((f, i) => getField(f, FIELDS[i]));
  return { kind: 'spec', minute: sets[0].values, hour: sets[1].values, dom: sets[2].values, month: sets[3].values, dow: sets[4].values, domStar: sets[2].star, dowStar: sets[4].star, zone };
}

function parseDescriptor(descriptor: string, zone: string | undefined): CronSchedule {
  const all = (b: Bounds) => range(b.min, b.max);
  const base = { kind: 'spec' as const, minute: new Set([0]), hour: new Set([0]), dom: new Set([1]), month: new Set([1]), dow: all(FIELDS[4]), domStar: false, dowStar: true, zone };
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return base;
    case '@monthly':
      return { ...base, month: all(FIELDS[3]) };
    case '@weekly':
      return { ...base, dom: all(FIELDS[2]), month: all(FIELDS[3]), dow: new Set([0]), domStar: true, dowStar: false };
    case '@daily':
    case '@midnight':
      return { ...base, dom: all(FIELDS[2]), month: all(FIELDS[3]), domStar: true };
    case '@hourly':
      return { ...base, hour: all(FIELDS[1]), dom: all(FIELDS[2]), month: all(FIELDS[3]), domStar: true };
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    const text = descriptor.slice(every.length);
    const ms = parseGoDuration(text);
    if (ms === undefined) throw new CronParseError(`failed to parse duration ${descriptor}: time: invalid duration ${goQuote(text)}`);
    // Every: delays under a second become a second; fractions of a second are dropped.
    return { kind: 'every', ms: ms < 1000 ? 1000 : ms - (ms % 1000) };
  }
  throw new CronParseError(`unrecognized descriptor: ${descriptor}`);
}

function range(min: number, max: number, step = 1): Set<number> {
  const s = new Set<number>();
  for (let i = min; i <= max; i += step) s.add(i);
  return s;
}

/** getField: a comma-separated list of ranges. */
function getField(field: string, b: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',')) {
    const r = getRange(expr, b);
    for (const v of r.values) values.add(v);
    star ||= r.star;
  }
  return { values, star };
}

function getRange(expr: string, b: Bounds): { values: Set<number>; star: boolean } {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (singleDigit) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) {
    throw new CronParseError(`too many slashes: ${expr}`);
  }
  if (start < b.min) throw new CronParseError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronParseError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  return { values: range(start, end, step), star };
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new CronParseError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

/** time.ParseDuration, enough for `@every`: `1h30m`, `90s`, `1.5h`, `500ms`. */
function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  if (text === '0') return 0;
  let total = 0;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]];
    i = re.lastIndex;
  }
  return text.length ? total : undefined;
}

/** Whether `time.LoadLocation` knows the zone (the IANA names the runtime's Intl knows). */
export function validZone(zone: string): boolean {
  if (zone === 'UTC' || zone === '') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `ms`, in milliseconds (Intl's tz database; no clock is read). */
export function zoneOffset(zone: string | undefined, ms: number): number {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return 0;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - (ms - (ms % 1000));
}

/** `schedule.Next(t)`: the first activation strictly after `ms` (whole minutes), in `zone`. */
export function nextAfter(schedule: CronSchedule, ms: number, zone?: string): number | undefined {
  if (schedule.kind === 'every') return ms - (ms % 1000) + schedule.ms;
  const tz = schedule.zone ?? zone;
  const offset = zoneOffset(tz, ms);
  // Walk local wall time: whole minute after `ms`, skipping non-matching months, days and hours.
  let local = ms + offset;
  local = local - (((local % 60000) + 60000) % 60000) + 60000;
  const limit = local + 5 * 366 * 86400000;
  while (local < limit) {
    const d = utcParts(local);
    if (!schedule.month.has(d.month)) {
      local = Date.UTC(d.year, d.month, 1);
      continue;
    }
    if (!dayMatches(schedule, d.day, d.weekday)) {
      local = Date.UTC(d.year, d.month - 1, d.day + 1);
      continue;
    }
    if (!schedule.hour.has(d.hour)) {
      local = Date.UTC(d.year, d.month - 1, d.day, d.hour + 1);
      continue;
    }
    if (!schedule.minute.has(d.minute)) {
      local += 60000;
      continue;
    }
    // Back to UTC with the offset in force at that wall time.
    const guess = local - offset;
    return local - zoneOffset(tz, guess);
  }
  return undefined;
}

/** robfig's dayMatches: both must match when either field is `*`; else either may. */
function dayMatches(s: Extract<CronSchedule, { kind: 'spec' }>, dom: number, dow: number): boolean {
  const domMatch = s.dom.has(dom);
  const dowMatch = s.dow.has(dow);
  return s.domStar || s.dowStar ? domMatch && dowMatch : domMatch || dowMatch;
}
