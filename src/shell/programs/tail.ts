/**
 * tail [-n [+]N] [-c [+]N] [-qv] [-N] [FILE]... — coreutils tail.c, busybox coreutils/tail.c
 * (texts checked against GNU tail 9.1 and busybox 1.35). `-f`/`-F` are accepted and print what
 * is there now: following a growing file is the shell driver's job (it knows time).
 */
import type { Program } from '../program';
import { complain, has, parseOpts, resolvePath } from './common';
import { byteLength, countOption, header, linesWithEnds, readFor, sliceBytes } from './head-tail';

export const tail: Program = (io) => {
  const args = io.argv.slice(1).map((a, i) => (i === 0 && /^[-+]\d+$/.test(a) ? `-n${a[0] === '+' ? a : a.slice(1)}` : a));
  const p = parseOpts(io, {
    short: 'n:c:qvfFs:',
    long: io.userland === 'gnu' ? { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v', follow: 'f', 'sleep-interval=': 's' } : undefined,
  }, args);
  if (typeof p === 'number') return p;
  const counted = countOption(io, p, '+-');
  if (!counted) return 1;
  const { count, bytes } = counted;
  const names = p.operands.length ? p.operands : ['-'];
  // busybox opens every file first (complaining as it goes) and heads only what it opened;
  // a directory opens and then fails to read.
  const bb = io.userland === 'busybox';
  const opened = names.filter((n) => n === '-' || io.fs.stat(resolvePath(io, n)) !== 'ENOENT').length;
  const early = bb ? names.map((n) => readFor(io, 'tail', n)) : [];
  const show = has(p, 'v') || ((bb ? opened : names.length) > 1 && !has(p, 'q'));
  let code = 0;
  let shown = 0;
  for (const [i, name] of names.entries()) {
    const text = bb ? early[i] : readFor(io, 'tail', name);
    if (text === undefined) { code = 1; continue; }
    header(io, name, shown++, show);
    if (bytes) {
      const len = byteLength(text);
      io.out(count.sign === '+' ? sliceBytes(text, Math.max(0, count.n - 1)) : sliceBytes(text, Math.max(0, len - count.n)));
    } else {
      const lines = linesWithEnds(text);
      io.out((count.sign === '+' ? lines.slice(Math.max(0, count.n - 1)) : lines.slice(Math.max(0, lines.length - count.n))).join(''));
    }
  }
  // busybox gives up when no file could be opened (tail.c: `if (!nfiles) bb_error_msg_and_die("no files")`).
  if (bb && opened === 0) { complain(io, 'no files'); return 1; }
  return code;
};
