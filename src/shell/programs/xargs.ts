/**
 * xargs [-0rt] [-n N] [-L N] [-I REPL] [-d DELIM] [COMMAND [ARG]...] — GNU findutils xargs.c
 * and busybox findutils/xargs.c (checked against GNU xargs 4.9 and busybox 1.35, which has no
 * -L). Input is split at blanks and newlines with '…', "…" and \ quoting; -I takes whole lines
 * (leading blanks dropped). Exit 123 when a command failed, 127 when it was not found.
 */
import type { Program, ProgramIO } from '../program';
import { complain, has, last, parseOpts, usageError } from './common';
import { runCommand } from './run-command';

export const xargs: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: gnu ? '0rtpxn:L:I:i:d:s:P:E:e:' : '0rtpxn:I:s:P:E:e:a:',
    stopAtOperand: true,
    long: gnu ? { null: '0', 'no-run-if-empty': 'r', verbose: 't', 'max-args=': 'n', 'max-lines=': 'L', 'replace=': 'I', 'delimiter=': 'd' } : undefined,
  });
  if (typeof p === 'number') return p;
  const command = p.operands.length ? p.operands : ['echo'];
  for (const k of ['n', 'L']) {
    const v = last(p, k);
    if (v !== undefined && !/^\d+$/.test(v)) {
      if (gnu) return usageError(io, 1, `invalid number "${v}" for -${k} option`);
      complain(io, `invalid number '${v}'`);
      return 1;
    }
  }
  const repl = last(p, 'I') ?? last(p, 'i');
  let groups: string[][];
  if (repl !== undefined) {
    groups = io.stdin.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter(Boolean).map((l) => [l]);
  } else {
    const delim = has(p, '0') ? '\0' : last(p, 'd');
    const items = delim !== undefined ? io.stdin.split(delim).filter((s, i, a) => s !== '' || i < a.length - 1) : split(io, io.stdin);
    if (!items) return 1;
    const n = last(p, 'n') ? Number(last(p, 'n')) : last(p, 'L') ? Infinity : Infinity;
    groups = [];
    if (last(p, 'L')) {
      const perLine = Number(last(p, 'L'));
      const lines = io.stdin.split('\n').filter((l) => l.trim()).map((l) => split(io, l) ?? []);
      for (let i = 0; i < lines.length; i += perLine) groups.push(lines.slice(i, i + perLine).flat());
    } else for (let i = 0; i < items.length; i += n) groups.push(items.slice(i, i + n));
    if (!groups.length && !has(p, 'r')) groups.push([]);
  }
  let code = 0;
  for (const args of groups) {
    const argv = repl !== undefined ? command.map((a) => a.replaceAll(repl, args[0])) : [...command, ...args];
    if (has(p, 't')) io.err(argv.join(' ') + '\n');
    const status = runCommand(io, argv, '', io.env, 'xargs');
    if (status === 127 || status === 126) return status;
    if (status === 255) { complain(io, `${argv[0]}: exited with status 255; aborting`); return 124; }
    if (status !== 0) code = 123;
  }
  return code;
};

/** Blank-separated items with quotes and backslashes; undefined after an unmatched quote. */
function split(io: ProgramIO, text: string): string[] | undefined {
  const items: string[] = [];
  let cur = '';
  let inItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) {
        const which = c === "'" ? 'single' : 'double';
        complain(io, io.userland === 'gnu' ? `unmatched ${which} quote; by default quotes are special to xargs unless you use the -0 option` : `unmatched ${which} quote`);
        return undefined;
      }
      cur += text.slice(i + 1, end);
      inItem = true;
      i = end;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inItem = true;
    } else if (/[ \t\n]/.test(c)) {
      if (inItem) items.push(cur);
      cur = '';
      inItem = false;
    } else {
      cur += c;
      inItem = true;
    }
  }
  if (inItem) items.push(cur);
  return items;
}
