/** The host's own small programs: GNU `sleep` (virtual time) and `clear`. */
import type { ShellProgram } from '../interpreter';

const TRY = "Try 'sleep --help' for more information.\n";

/**
 * GNU sleep: each argument a number with an optional s/m/h/d suffix, summed; Go-style
 * `1m30s` is read too (transcripts written before the shell used it).
 */
export const hostSleep: ShellProgram = function* (io) {
  const args = io.argv.slice(1);
  if (args.length === 0) {
    io.err(`sleep: missing operand\n${TRY}`);
    return 1;
  }
  let ms = 0;
  for (const a of args) {
    const one = duration(a);
    if (one === undefined) {
      io.err(`sleep: invalid time interval '${a}'\n${TRY}`);
      return 1;
    }
    ms += one;
  }
  yield { until: () => false, timeoutMs: ms };
  return 0;
};

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function duration(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const whole = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (whole) return Number(whole[1]) * UNIT_MS[whole[2]];
  const parts = arg.match(/(\d+(?:\.\d+)?)(ms|h|m|s)/g);
  if (!parts || parts.join('') !== arg) return undefined;
  return parts.reduce((sum, p) => {
    const [, n, unit] = /^(\d+(?:\.\d+)?)(ms|h|m|s)$/.exec(p)!;
    return sum + Number(n) * (unit === 'ms' ? 1 : UNIT_MS[unit]);
  }, 0);
}

/** `clear`: the sequence ncurses' clear writes for xterm (home, erase screen, erase scrollback). */
export const clear: ShellProgram = (io) => {
  io.out('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};
