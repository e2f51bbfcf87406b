/**
 * uniq [-cdui] [-f N] [-s N] [-w N] [INPUT [OUTPUT]] — coreutils uniq.c and busybox
 * coreutils/uniq.c (texts checked against GNU uniq 9.1 and busybox 1.35): counts as `%7d `.
 */
import type { Program } from '../program';
import { complain, has, last, parseOpts, readInput, resolvePath, splitLines, usageError } from './common';

export const uniq: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: 'cduif:s:w:z',
    long: gnu ? { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i', 'skip-fields=': 'f', 'skip-chars=': 's', 'check-chars=': 'w' } : undefined,
  });
  if (typeof p === 'number') return p;
  const [input = '-', output, extra] = p.operands;
  if (extra !== undefined && gnu) return usageError(io, 1, `extra operand '${extra}'`);
  const text = readInput(io, input);
  if (text === undefined) return 1;
  if (extra !== undefined) return usageError(io, 1);
  const skipFields = Number(last(p, 'f') ?? 0);
  const skipChars = Number(last(p, 's') ?? 0);
  const width = last(p, 'w') === undefined ? Infinity : Number(last(p, 'w'));
  const keyOf = (line: string) => {
    let rest = line;
    for (let i = 0; i < skipFields; i++) rest = rest.replace(/^[ \t]*[^ \t]*/, '');
    rest = rest.slice(skipChars).slice(0, width);
    return has(p, 'i') ? rest.toLowerCase() : rest;
  };
  let out = '';
  const lines = splitLines(text);
  for (let i = 0; i < lines.length;) {
    let j = i + 1;
    while (j < lines.length && keyOf(lines[j]) === keyOf(lines[i])) j++;
    const n = j - i;
    if (!(has(p, 'd') && n === 1) && !(has(p, 'u') && n > 1)) out += (has(p, 'c') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
    i = j;
  }
  if (output === undefined) { io.out(out); return 0; }
  const err = io.fs.write(resolvePath(io, output), out, false);
  if (err) { complain(io, `${output}: ${err}`); return 1; }
  return 0;
};
