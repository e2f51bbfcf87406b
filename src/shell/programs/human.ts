/**
 * Human-readable sizes (`ls -lh`, `du -h`, `df -h`, `free -h`): GNU's `human_readable` with
 * ceiling rounding (`4.0K`, `13K`), busybox's `make_human_readable_str`
 * (always one decimal, rounded: `10.0K`, `1024.0K`). Checked against ls -lh of both.
 */
import type { Userland } from '../program';

const UNITS = 'KMGTPE';

export function humanSize(bytes: number, userland: Userland): string {
  if (bytes < 1024) return String(bytes);
  let value = bytes;
  let u = -1;
  while (value >= 1024 && u < UNITS.length - 1) { value /= 1024; u++; }
  if (userland === 'gnu') {
    if (value < 10) {
      const v = Math.ceil(value * 10) / 10;
      return v >= 10 ? `${v.toFixed(0)}${UNITS[u]}` : `${v.toFixed(1)}${UNITS[u]}`;
    }
    const v = Math.ceil(value);
    return v >= 1024 && u < UNITS.length - 1 ? `1.0${UNITS[u + 1]}` : `${v}${UNITS[u]}`;
  }
  return `${value.toFixed(1)}${UNITS[u]}`;
}
