/**
 * wc [-lwcmL] [FILE]... — coreutils wc.c and busybox coreutils/wc.c (checked against GNU wc
 * 9.1 and busybox 1.35). Padding differs: busybox prints one unpadded count for one column
 * of one input, otherwise `%9u` columns; GNU pads every column to the digits of the input files'
 * total size (`compute_number_width`), at least 7 when stdin is a pipe, and to 1 for one column
 * of one input. The shell's stdin is treated as a pipe.
 */
import type { Program } from '../program';
import { catOpenError, has, parseOpts, readInput } from './common';
import { byteLength } from './head-tail';

type Column = 'l' | 'w' | 'm' | 'c' | 'L';
const ORDER: Column[] = ['l', 'w', 'm', 'c', 'L'];

function counts(text: string): Record<Column, number> {
  const lines = text.split('\n');
  return {
    l: lines.length - 1,
    w: text.split(/[ \t\n\r\v\f]+/).filter(Boolean).length,
    m: [...text].length,
    c: byteLength(text),
    L: Math.max(0, ...lines.map((l) => [...l.replace(/\t/g, '        ')].length)),
  };
}

export const wc: Program = (io) => {
  const p = parseOpts(io, {
    short: 'lwcmL',
    long: io.userland === 'gnu' ? { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' } : undefined,
  });
  if (typeof p === 'number') return p;
  let cols = ORDER.filter((c) => has(p, c));
  if (!cols.length) cols = ['l', 'w', 'c'];
  const names = p.operands.length ? p.operands : ['-'];
  const rows: Array<[Record<Column, number>, string | undefined]> = [];
  let code = 0;
  let regularTotal = 0;
  let piped = false;
  for (const name of names) {
    const text = readInput(io, name, catOpenError, catOpenError); // busybox: bb_simple_perror_msg
    if (text === undefined) { code = 1; continue; }
    if (name === '-') piped = true;
    else regularTotal += byteLength(text);
    rows.push([counts(text), p.operands.length ? name : undefined]);
  }
  if (names.length > 1) {
    const total = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    for (const [c] of rows) for (const k of ORDER) total[k] = k === 'L' ? Math.max(total.L, c.L) : total[k] + c[k];
    rows.push([total, 'total']);
  }
  const single = cols.length === 1 && names.length === 1;
  const width = io.userland === 'busybox'
    ? (single ? 1 : 9)
    : single ? 1 : Math.max(piped ? 7 : 1, String(regularTotal).length);
  for (const [c, name] of rows) {
    io.out(cols.map((k) => String(c[k]).padStart(width)).join(' ') + (name === undefined ? '' : ` ${name}`) + '\n');
  }
  return code;
};
