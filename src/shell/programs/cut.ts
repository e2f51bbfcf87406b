/**
 * cut -b|-c|-f LIST [-d DELIM] [-s] [--output-delimiter=S | -O S] [FILE]... — coreutils cut.c
 * and busybox coreutils/cut.c (texts checked against GNU cut 9.1 and busybox 1.35; busybox takes
 * the first character of a longer -d). -b and -c both count characters here.
 */
import type { Program, ProgramIO } from '../program';
import { catOpenError, complain, has, last, parseOpts, readInput, splitLines, usageError } from './common';

type Range = [number, number];

export const cut: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: gnu ? 'b:c:f:d:snz' : 'b:c:f:d:O:sDn',
    long: gnu ? { 'bytes=': 'b', 'characters=': 'c', 'fields=': 'f', 'delimiter=': 'd', 'only-delimited': 's', 'output-delimiter=': 'O', complement: 'complement' } : undefined,
  });
  if (typeof p === 'number') return p;
  const modes = ['b', 'c', 'f'].filter((k) => has(p, k));
  if (modes.length !== 1) {
    const text = modes.length ? 'only one type of list may be specified' : gnu ? 'you must specify a list of bytes, characters, or fields' : 'expected a list of bytes, characters, or fields';
    if (gnu) return usageError(io, 1, text);
    complain(io, text);
    return 1;
  }
  const mode = modes[0];
  const ranges = parseList(io, last(p, mode)!, mode === 'f');
  if (!ranges) return 1;
  let delim = last(p, 'd') ?? '\t';
  if (delim.length !== 1) {
    if (gnu) return usageError(io, 1, 'the delimiter must be a single character');
    delim = delim[0] ?? '\t';
  }
  if (has(p, 'd') && mode !== 'f' && gnu) return usageError(io, 1, 'an input delimiter may be specified only when operating on fields');
  const outDelim = last(p, 'O') ?? (mode === 'f' ? delim : '');
  const complement = has(p, 'complement');
  const picked = (n: number) => ranges.some(([a, b]) => n >= a && n <= b) !== complement;
  let code = 0;
  for (const name of p.operands.length ? p.operands : ['-']) {
    const text = readInput(io, name, catOpenError, catOpenError);
    if (text === undefined) { code = 1; continue; }
    for (const line of splitLines(text)) {
      if (mode !== 'f') {
        io.out([...line].filter((_, i) => picked(i + 1)).join(outDelim) + '\n');
        continue;
      }
      if (!line.includes(delim)) {
        // busybox prints an empty line even with -s.
        if (!has(p, 's') || (line === '' && !gnu)) io.out(line + '\n');
        continue;
      }
      io.out(line.split(delim).filter((_, i) => picked(i + 1)).join(outDelim) + '\n');
    }
  }
  return code;
};

/** `1,3-5,7-,-2` (cut.c `set_fields`); undefined after complaining. */
function parseList(io: ProgramIO, list: string, fields: boolean): Range[] | undefined {
  const gnu = io.userland === 'gnu';
  const what = fields ? 'field' : 'byte/character position';
  const ranges: Range[] = [];
  for (const part of list.split(/[, ]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '' && (m[2] === '' || !gnu))) {
      if (gnu) { usageError(io, 1, part === '-' ? 'invalid range with no endpoint: -' : `invalid ${what} value '${part}'`); return undefined; }
      complain(io, `invalid number '${part}'`);
      return undefined;
    }
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : a;
    if ((m[1] !== '' && a === 0) || (m[3] !== '' && b === 0)) {
      if (gnu) { usageError(io, 1, fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1'); return undefined; }
      continue;
    }
    if (b < a) {
      if (gnu) usageError(io, 1, 'invalid decreasing range');
      else complain(io, 'invalid range');
      return undefined;
    }
    ranges.push([a, b]);
  }
  return ranges;
}
