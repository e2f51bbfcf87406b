/**
 * tr [-cds] SET1 [SET2] — coreutils tr.c and busybox coreutils/tr.c (texts checked against GNU
 * tr 9.1 and busybox 1.35). Sets take escapes (`\n`, `\\`, `\NNN`), ranges, `[:class:]` and
 * GNU's `[c*n]`; a short SET2 repeats its last character. Works on characters of the C locale.
 */
import type { Program } from '../program';
import { complain, has, parseOpts, usageError } from './common';

const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: (c) => /[A-Za-z]/.test(String.fromCharCode(c)),
  digit: (c) => c >= 48 && c <= 57,
  alnum: (c) => /[A-Za-z0-9]/.test(String.fromCharCode(c)),
  upper: (c) => c >= 65 && c <= 90,
  lower: (c) => c >= 97 && c <= 122,
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  blank: (c) => c === 32 || c === 9,
  punct: (c) => c > 32 && c < 127 && !/[A-Za-z0-9]/.test(String.fromCharCode(c)),
  print: (c) => c >= 32 && c < 127,
  graph: (c) => c > 32 && c < 127,
  cntrl: (c) => c < 32 || c === 127,
  xdigit: (c) => /[0-9A-Fa-f]/.test(String.fromCharCode(c)),
};

class SetError extends Error {}

/** Expands a SET to its characters in order; `fill` is SET1's length, for `[c*]`. */
function expand(set: string, fill = 0): string[] {
  const atoms: string[] = [];
  let i = 0;
  const one = (): string => {
    const c = set[i++];
    if (c !== '\\' || i >= set.length) return c;
    const d = set[i++];
    const oct = /^[0-7]{1,3}/.exec(set.slice(i - 1));
    if (oct) { i += oct[0].length - 1; return String.fromCharCode(parseInt(oct[0], 8)); }
    return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[d] ?? d;
  };
  let repeatAt = -1;
  while (i < set.length) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls && CLASSES[cls[1]]) {
      for (let c = 0; c < 128; c++) if (CLASSES[cls[1]](c)) atoms.push(String.fromCharCode(c));
      i += cls[0].length;
      continue;
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(set.slice(i));
    if (rep) {
      if (rep[2] === '') repeatAt = atoms.length;
      else for (let k = 0; k < Number(rep[2]); k++) atoms.push(rep[1]);
      if (rep[2] === '') atoms.push(rep[1]);
      i += rep[0].length;
      continue;
    }
    const from = one();
    if (set[i] === '-' && i + 1 < set.length) {
      i++;
      const to = one();
      if (to < from) throw new SetError(`range-endpoints of '${from}-${to}' are in reverse collating sequence order`);
      for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) atoms.push(String.fromCharCode(c));
      continue;
    }
    atoms.push(from);
  }
  if (repeatAt >= 0) atoms.splice(repeatAt, 1, ...Array(Math.max(1, fill - atoms.length + 1)).fill(atoms[repeatAt]));
  return atoms;
}

export const tr: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: 'cCdst',
    long: gnu ? { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' } : undefined,
  });
  if (typeof p === 'number') return p;
  const del = has(p, 'd');
  const squeeze = has(p, 's');
  const [s1, s2, extra] = p.operands;
  const translating = !del && s2 !== undefined;
  // busybox copies stdin when SET2 is missing and ignores extra operands.
  if (s1 === undefined || (gnu && !del && !squeeze && s2 === undefined)) {
    if (!gnu) return usageError(io, 1);
    if (s1 === undefined) return usageError(io, 1, 'missing operand');
    complain(io, `missing operand after '${s1}'`);
    io.err('Two strings must be given when translating.\n');
    return usageError(io, 1);
  }
  if (gnu && (extra !== undefined || (del && !squeeze && s2 !== undefined))) {
    complain(io, `extra operand '${extra ?? s2}'`);
    if (extra === undefined) io.err('Only one string may be given when deleting without squeezing repeats.\n');
    return usageError(io, 1);
  }
  let set1: string[];
  let set2: string[];
  try {
    set1 = expand(s1);
    set2 = s2 === undefined ? [] : expand(s2, set1.length);
  } catch (e) {
    if (!(e instanceof SetError)) throw e;
    complain(io, e.message);
    return 1;
  }
  const in1 = new Set(set1);
  const member = (c: string) => in1.has(c) !== has(p, 'c');
  const map = new Map<string, string>();
  if (translating && !has(p, 'c')) set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)] ?? c));
  const squeezeSet = new Set(translating || del ? set2 : set1);
  const squeezeMember = (c: string) => (translating || del ? squeezeSet.has(c) : member(c));
  let out = '';
  let prev = '';
  for (const ch of io.stdin) {
    if (del && member(ch)) continue;
    let c = ch;
    if (translating) c = has(p, 'c') ? (member(ch) ? set2[set2.length - 1] ?? ch : ch) : map.get(ch) ?? ch;
    if (squeeze && c === prev && squeezeMember(c)) continue;
    out += c;
    prev = c;
  }
  io.out(out);
  return 0;
};
