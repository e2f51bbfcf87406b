/**
 * The few programs the evaluator has always carried inline, for containers until the programs
 * registry (src/shell/programs/) provides them: a registry entry of the same name wins.
 * `sleep` is here for good: it is the one program that takes (virtual) time.
 */
import { formatDate, parseDuration } from './helpers';
import { isFsError, type ShellProgram } from './interpreter';
import { normalize } from './memory-fs';
import type { ProgramIO } from './program';

const path = (io: ProgramIO, p: string) => normalize(p.startsWith('/') ? p : `${io.cwd}/${p}`);

/** `sleep N`: a wait nobody satisfies, so the driver lets N seconds of virtual time pass. */
export const sleep: ShellProgram = function* (io) {
  const arg = io.argv[1];
  const secs = arg === 'infinity' || arg === 'inf' ? Infinity : parseDuration(arg);
  if (secs === undefined) {
    io.err(io.userland === 'busybox' ? `sleep: invalid number '${arg ?? ''}'\n` : `sleep: invalid time interval '${arg ?? ''}'\n`);
    return 1;
  }
  yield { until: () => false, timeoutMs: secs * 1000 };
  return 0;
};

const date: ShellProgram = (io) => {
  io.out(formatDate(io.sys.now()) + '\n');
  return 0;
};

const hostname: ShellProgram = (io) => {
  io.out(io.sys.hostname + '\n');
  return 0;
};

const env: ShellProgram = (io) => {
  const args = io.argv.slice(1);
  if (io.argv[0].endsWith('printenv') && args.length) {
    for (const a of args) if (io.env.has(a)) io.out(io.env.get(a) + '\n');
    return args.every((a) => io.env.has(a)) ? 0 : 1;
  }
  for (const [k, v] of io.env) io.out(`${k}=${v}\n`);
  return 0;
};

const cat: ShellProgram = (io) => {
  const files = io.argv.slice(1);
  if (files.length === 0) { io.out(io.stdin); return 0; }
  let code = 0;
  for (const f of files) {
    const content = io.fs.read(path(io, f));
    if (!isFsError(content)) { io.out(content); continue; }
    const why = content === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
    io.err(io.userland === 'busybox' ? `cat: can't open '${f}': ${why}\n` : `cat: ${f}: ${why}\n`);
    code = 1;
  }
  return code;
};

const touch: ShellProgram = (io) => {
  for (const f of io.argv.slice(1)) if (!f.startsWith('-') && typeof io.fs.stat(path(io, f)) === 'string') io.fs.write(path(io, f), '', true);
  return 0;
};

const rm: ShellProgram = (io) => {
  const args = io.argv.slice(1);
  const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
  const recursive = args.some((a) => /^-[a-zA-Z]*[rR]/.test(a));
  let code = 0;
  for (const f of args.filter((a) => !a.startsWith('-'))) {
    if (!io.fs.remove(path(io, f), recursive) || force) continue;
    io.err(io.userland === 'busybox' ? `rm: can't remove '${f}': No such file or directory\n` : `rm: cannot remove '${f}': No such file or directory\n`);
    code = 1;
  }
  return code;
};

/** Byte order (the C locale of busybox and kind's images); -r reverses. */
const sort: ShellProgram = (io) => {
  const lines = io.stdin.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (io.argv.includes('-r')) lines.reverse();
  for (const l of lines) io.out(l + '\n');
  return 0;
};

const seq: ShellProgram = (io) => {
  const nums = io.argv.slice(1).map(Number);
  const [first, last] = nums.length === 1 ? [1, nums[0]] : [nums[0], nums[1]];
  for (let n = first; n <= last; n++) io.out(`${n}\n`);
  return 0;
};

export const INLINE_PROGRAMS: ReadonlyMap<string, ShellProgram> = new Map([
  ['sleep', sleep], ['date', date], ['hostname', hostname], ['env', env], ['printenv', env],
  ['cat', cat], ['touch', touch], ['rm', rm], ['sort', sort], ['seq', seq],
]);

/** Present in an image but not simulated (wget, nslookup, …): succeeds quietly. */
export const QUIET: ShellProgram = () => 0;
