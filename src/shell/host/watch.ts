/**
 * procps-ng `watch`: runs the command through the shell every interval (2 s by default) and
 * redraws the screen with a header until Ctrl+C. The header, as procps-ng watch.c's
 * output_header draws it: `Every 2.0s: COMMAND` on the left, `HOST: DATE` (strftime
 * "%a %b %e %H:%M:%S %Y") on the right of the screen's width, then a blank line.
 * Without a terminal (the headless runner) it prints one frame; the runner's Ctrl+C ends it.
 */
import { DAY_NAMES, MONTH_NAMES, pad, utcParts } from '../../sim/core/utc';
import type { ShellProgram, ShellRun } from '../interpreter';
import type { ProgramIO } from '../program';

export interface WatchHost {
  /** Runs a command line in the shell; returns what it printed (stdout and stderr, as watch's pipe gets both). */
  capture(line: string): ShellRun<string>;
  /** Whether output goes to the terminal (clear the screen between frames). */
  tty: boolean;
  /** The terminal's width now (the header's right part ends there). */
  columns(): number;
}

const CLEAR = '\x1b[H\x1b[2J';

export function watch(host: WatchHost): ShellProgram {
  return function* (io: ProgramIO): ShellRun<number> {
    const args = io.argv.slice(1);
    let interval = 2;
    let title = true;
    while (args[0]?.startsWith('-')) {
      const flag = args.shift()!;
      if (flag === '-t' || flag === '--no-title') title = false;
      else if (flag === '-n' || flag === '--interval') interval = Number(args.shift());
      else if (/^-n\d/.test(flag)) interval = Number(flag.slice(2));
      else if (flag.startsWith('--interval=')) interval = Number(flag.slice(11));
      else if (flag === '--') break;
      else {
        io.err(`watch: invalid option -- '${flag.replace(/^-+/, '')}'\n`);
        return 1;
      }
    }
    if (!Number.isFinite(interval)) {
      io.err(`watch: failed to parse argument: '${io.argv[io.argv.indexOf('-n') + 1] ?? ''}'\n`);
      return 1;
    }
    interval = Math.max(0.1, interval);
    if (args.length === 0) {
      io.err('\nUsage:\n watch [options] command\n');
      return 1;
    }
    const command = args.join(' ');
    for (;;) {
      const output = yield* host.capture(command);
      const header = title ? `${headerLine(interval, command, io.sys.hostname, io.sys.now(), host.columns())}\n\n` : '';
      io.out(`${host.tty ? CLEAR : ''}${header}${output}`);
      // A frame without a terminal is all anyone reads: the runner stops here (unattendedMs 0).
      yield { until: () => false, timeoutMs: interval * 1000, unattendedMs: 0 };
    }
  };
}

export function headerLine(interval: number, command: string, hostname: string, now: number, columns: number): string {
  const left = `Every ${interval.toFixed(1)}s: ${command}`;
  const right = `${hostname}: ${watchDate(now)}`;
  const gap = columns - left.length - right.length;
  return gap >= 1 ? left + ' '.repeat(gap) + right : `${left.slice(0, Math.max(0, columns - right.length - 1))} ${right}`;
}

/** strftime `%a %b %e %H:%M:%S %Y` in UTC. */
function watchDate(ms: number): string {
  const t = utcParts(ms);
  return `${DAY_NAMES[t.weekday]} ${MONTH_NAMES[t.month - 1]} ${String(t.day).padStart(2, ' ')} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${t.year}`;
}
