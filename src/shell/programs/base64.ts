/**
 * base64 [-d] [-i] [-w COLS] [FILE] — coreutils basenc.c (base64) and busybox
 * coreutils/uudecode.c's base64 (texts checked against GNU base64 9.1 and busybox 1.35). GNU
 * stops at the first character outside the alphabet (`invalid input`; -i skips them) and
 * decodes a final group that lacks its padding before complaining; busybox skips foreign
 * characters and drops an unpadded final group with `truncated input`.
 */
import { encodeBase64Text } from '../../sim/core/base64';
import type { Program } from '../program';
import { catOpenError, complain, has, last, parseOpts, readInput, usageError } from './common';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export const base64: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: 'dhiw:',
    long: gnu ? { decode: 'd', 'ignore-garbage': 'i', 'wrap=': 'w' } : undefined,
  });
  if (typeof p === 'number') return p;
  if (p.operands.length > 1) return usageError(io, 1, gnu ? `extra operand '${p.operands[1]}'` : undefined);
  const text = readInput(io, p.operands[0] ?? '-', catOpenError, catOpenError);
  if (text === undefined) return 1;
  if (has(p, 'd')) return decode(io, text, has(p, 'i'));
  const wrapRaw = last(p, 'w') ?? '76';
  if (!/^\d+$/.test(wrapRaw)) {
    complain(io, gnu ? `invalid wrap size: '${wrapRaw}'` : `invalid number '${wrapRaw}'`);
    return 1;
  }
  const wrap = Number(wrapRaw);
  const encoded = encodeBase64Text(text);
  if (!encoded) return 0;
  const lines = wrap ? encoded.match(new RegExp(`.{1,${wrap}}`, 'g'))! : [encoded];
  io.out(lines.join('\n') + '\n');
  return 0;
};

function decode(io: Parameters<Program>[0], text: string, ignoreGarbage: boolean): number {
  const gnu = io.userland === 'gnu';
  const bytes: number[] = [];
  let group: number[] = [];
  let bad = false;
  const flush = () => {
    const [a, b, c, d] = group;
    if (b !== undefined) bytes.push(((a << 2) | (b >> 4)) & 255);
    if (c !== undefined) bytes.push(((b << 4) | (c >> 2)) & 255);
    if (d !== undefined) bytes.push(((c << 6) | d) & 255);
    group = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const v = ALPHABET.indexOf(ch);
    if (v >= 0) {
      group.push(v);
      if (group.length === 4) flush();
      continue;
    }
    if (ch === '=' && group.length >= 2) {
      // Padding ends the group; further '=' of the same group are part of it.
      while (text[i + 1] === '=') i++;
      flush();
      continue;
    }
    if (ch === '\n' || !gnu || ignoreGarbage) continue;
    bad = true;
    break;
  }
  if (group.length && !bad) {
    if (gnu) { flush(); bad = true; } else {
      io.out(new TextDecoder().decode(new Uint8Array(bytes)));
      complain(io, 'truncated input');
      return 1;
    }
  }
  io.out(new TextDecoder().decode(new Uint8Array(bytes)));
  if (bad) { complain(io, 'invalid input'); return 1; }
  return 0;
}
