/**
 * head [-n [-]N] [-c [-]N] [-qv] [-N] [FILE]... — coreutils head.c, busybox coreutils/head.c
 * (texts checked against GNU head 9.1 and busybox 1.35).
 */
import type { Program } from '../program';
import { has, parseOpts } from './common';
import { byteLength, countOption, header, linesWithEnds, readFor, sliceBytes } from './head-tail';

export const head: Program = (io) => {
  const args = io.argv.slice(1).map((a, i) => (i === 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const p = parseOpts(io, {
    short: 'n:c:qv',
    long: io.userland === 'gnu' ? { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v' } : undefined,
  }, args);
  if (typeof p === 'number') return p;
  const counted = countOption(io, p, '-');
  if (!counted) return 1;
  const { count, bytes } = counted;
  const names = p.operands.length ? p.operands : ['-'];
  const show = has(p, 'v') || (names.length > 1 && !has(p, 'q'));
  let code = 0;
  let shown = 0;
  for (const name of names) {
    const text = readFor(io, 'head', name);
    if (text === undefined) { code = 1; continue; }
    header(io, name, shown++, show);
    if (bytes) {
      io.out(count.sign === '-' ? sliceBytes(text, 0, Math.max(0, byteLength(text) - count.n)) : sliceBytes(text, 0, count.n));
    } else {
      const lines = linesWithEnds(text);
      io.out((count.sign === '-' ? lines.slice(0, Math.max(0, lines.length - count.n)) : lines.slice(0, count.n)).join(''));
    }
  }
  return code;
};
