/**
 * `kill [-SIG | -s SIG] PID…` and `kill -l`: sends signals through the container runtime
 * (`sys.signal`). Whether PID 1 reacts is the runtime's business (it ignores what it has no
 * handler for); kill itself succeeds.
 */
import type { Program } from '../program';

const SIGNALS = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS'];

function signalNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const name = s.toUpperCase().replace(/^SIG/, '');
  const i = SIGNALS.indexOf(name === 'IO' ? 'POLL' : name);
  return i < 0 ? undefined : i + 1;
}

export const kill: Program = (io) => {
  const args = io.argv.slice(1);
  let sig = 15;
  if (args[0] === '-l') {
    io.out(SIGNALS.map((s, i) => `${String(i + 1).padStart(2)}) ${s}`).join('\n') + '\n');
    return 0;
  }
  if (args[0] === '-s' || args[0] === '-n') {
    const n = signalNumber(args[1] ?? '');
    if (n === undefined) return badSignal(io, args[1] ?? '');
    sig = n;
    args.splice(0, 2);
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    const n = signalNumber(args[0].slice(1));
    if (n === undefined) return badSignal(io, args[0].slice(1));
    sig = n;
    args.shift();
  }
  if (args[0] === '--') args.shift();
  if (!args.length) {
    io.err(io.userland === 'busybox' ? 'kill: usage: kill [-s SIGNAL | -SIGNAL] PID...\n' : 'kill: not enough arguments\n');
    return 1;
  }
  let code = 0;
  for (const a of args) {
    const pid = Number(a);
    const err = !Number.isInteger(pid) ? 'EINVAL' : io.sys.signal ? io.sys.signal(pid, sig) : 'ESRCH';
    if (!err) continue;
    code = 1;
    if (err === 'EINVAL') io.err(io.userland === 'busybox' ? `kill: invalid number '${a}'\n` : `kill: failed to parse argument: '${a}'\n`);
    else io.err(io.userland === 'busybox' ? `kill: can't kill pid ${a}: No such process\n` : `kill: (${a}) - No such process\n`);
  }
  return code;
};

function badSignal(io: Parameters<Program>[0], s: string): number {
  io.err(io.userland === 'busybox' ? `kill: bad signal name '${s}'\n` : `kill: unknown signal: ${s}\n`);
  return 1;
}
