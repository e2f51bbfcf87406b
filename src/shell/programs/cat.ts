/**
 * cat [-nb] [FILE]... — texts from coreutils cat.c and busybox coreutils/cat.c (checked
 * against GNU cat 9.1 and busybox 1.35): busybox numbers lines through its `nl` code, which
 * ends the last line with a newline; GNU keeps the input's bytes.
 */
import type { Program } from '../program';
import { has, parseOpts, readInput, splitLines } from './common';

export const cat: Program = (io) => {
  const p = parseOpts(io, {
    short: io.userland === 'gnu' ? 'AbeEnstTuv' : 'nbvteA',
    long: io.userland === 'gnu' ? { 'number': 'n', 'number-nonblank': 'b', 'show-all': 'A', 'squeeze-blank': 's' } : undefined,
  });
  if (typeof p === 'number') return p;
  const nonBlank = has(p, 'b');
  const number = nonBlank || has(p, 'n');
  let code = 0;
  let n = 0;
  for (const name of p.operands.length ? p.operands : ['-']) {
    const text = readInput(io, name);
    if (text === undefined) { code = 1; continue; }
    if (!number) { io.out(text); continue; }
    const lines = splitLines(text);
    lines.forEach((line, i) => {
      const nl = i < lines.length - 1 || text.endsWith('\n') || io.userland === 'busybox' ? '\n' : '';
      if (nonBlank && line === '') io.out(nl);
      else io.out(`${String(++n).padStart(6)}\t${line}${nl}`);
    });
  }
  return code;
};
