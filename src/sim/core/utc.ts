/**
 * Calendar fields of a virtual instant, by arithmetic (Howard Hinnant's days-to-civil), so that
 * the simulation formats timestamps without ever constructing a `Date`. Everything is UTC, as
 * Kubernetes prints it.
 */
export const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface UtcParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday. */
  weekday: number;
}

const DAY_MS = 86_400_000;

export function utcParts(ms: number): UtcParts {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millisecond = Math.floor(rest - second * 1000);
  // days-to-civil: eras of 400 years starting on 0000-03-01.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // 1970-01-01 was a Thursday.
  const weekday = (((days % 7) + 7 + 4) % 7);
  return { year, month, day, hour, minute, second, millisecond, weekday };
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2026-01-01T09:00:00` (no zone). */
export function isoLocal(ms: number): string {
  const t = utcParts(ms);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** RFC 3339 with whole seconds, as Kubernetes writes timestamps: `2026-01-01T09:00:00Z`. */
export function rfc3339(ms: number): string {
  return `${isoLocal(Math.floor(ms / 1000) * 1000)}Z`;
}

/** Go's `time.RFC1123Z` in UTC: `Thu, 01 Jan 2026 09:10:00 +0000`. */
export function rfc1123z(ms: number): string {
  const t = utcParts(ms);
  return `${DAY_NAMES[t.weekday]}, ${pad(t.day)} ${MONTH_NAMES[t.month - 1]} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} +0000`;
}
