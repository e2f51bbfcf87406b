/**
 * Go's `time.Parse(time.RFC3339, s)` without a `Date`: the instant in ms, or Go's error text
 * (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`), so that
 * `kubectl logs --since-time` and the api-server's `sinceTime` agree on what they accept.
 * Like Go, it takes fractional seconds after the seconds even though the layout has none.
 */
const LAYOUT = '2006-01-02T15:04:05Z07:00';

type Element = { num: string; digits: number; name?: string; max?: number; min?: number } | { lit: string } | { zone: true };

const ELEMENTS: Element[] = [
  { num: '2006', digits: 4 },
  { lit: '-' },
  { num: '01', digits: 2, name: 'month', min: 1, max: 12 },
  { lit: '-' },
  { num: '02', digits: 2, name: 'day', min: 1, max: 31 },
  { lit: 'T' },
  { num: '15', digits: 2, name: 'hour', min: 0, max: 23 },
  { lit: ':' },
  { num: '04', digits: 2, name: 'minute', min: 0, max: 59 },
  { lit: ':' },
  { num: '05', digits: 2, name: 'second', min: 0, max: 59 },
  { zone: true },
];

export type Rfc3339Result = { ms: number } | { error: string };

export function parseRfc3339(value: string): Rfc3339Result {
  const cannot = (rest: string, as: string): Rfc3339Result => ({ error: `parsing time ${JSON.stringify(value)} as ${JSON.stringify(LAYOUT)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(as)}` });
  const outOfRange = (what: string): Rfc3339Result => ({ error: `parsing time ${JSON.stringify(value)}: ${what} out of range` });
  const nums: number[] = [];
  let rest = value;
  let fractionMs = 0;
  let offsetMin = 0;
  for (const el of ELEMENTS) {
    if ('lit' in el) {
      if (!rest.startsWith(el.lit)) return cannot(rest, el.lit);
      rest = rest.slice(el.lit.length);
    } else if ('num' in el) {
      const digits = rest.slice(0, el.digits);
      if (!new RegExp(`^\\d{${el.digits}}$`).test(digits)) return cannot(rest, el.num);
      const n = Number(digits);
      if (el.name && (n < el.min! || n > el.max!)) return outOfRange(el.name);
      nums.push(n);
      rest = rest.slice(el.digits);
      if (el.num === '05') {
        const frac = /^[.,](\d+)/.exec(rest);
        if (frac) {
          fractionMs = Math.floor(Number(`0.${frac[1]}`) * 1000);
          rest = rest.slice(frac[0].length);
        }
      }
    } else {
      const zone = /^(?:Z|([+-])(\d{2}):(\d{2}))/.exec(rest);
      if (!zone) return cannot(rest, 'Z07:00');
      if (zone[1]) offsetMin = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]));
      rest = rest.slice(zone[0].length);
    }
  }
  if (rest) return { error: `parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(rest)}` };
  const [year, month, day, hour, minute, second] = nums;
  if (day > daysIn(year, month)) return outOfRange('day');
  const ms = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offsetMin) * 60_000 + second * 1000 + fractionMs;
  return { ms };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Howard Hinnant's days-from-civil: days since 1970-01-01. */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
