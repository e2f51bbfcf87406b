/**
 * What head and tail share: counts with suffixes (busybox `xatoul_sfx`: b=512 k=1024 m=1024²;
 * GNU `xdectoumax`: b, K/k, M …), `==> FILE <==` headers and byte slicing of UTF-8 text.
 * GNU texts from coreutils head.c/tail.c, busybox's from coreutils/head.c/tail.c.
 */
import type { FsError, ProgramIO } from '../program';
import { complain, fsMessage, readInput, type ParsedOpts } from './common';

const SUFFIX: Record<string, number> = { '': 1, b: 512, k: 1024, K: 1024, m: 1024 ** 2, M: 1024 ** 2, G: 1024 ** 3 };

export interface Count {
  n: number;
  /** `-n -K` (head: all but the last K) or `-n +K` (tail: from the K-th). */
  sign: '' | '-' | '+';
}

/** The last `-n`/`-c` given (10 lines by default); undefined after complaining about one. */
export function countOption(io: ProgramIO, p: ParsedOpts, signs: string): { count: Count; bytes: boolean } | undefined {
  let count: Count = { n: 10, sign: '' };
  let bytes = false;
  for (const o of p.opts) {
    if (o.key !== 'n' && o.key !== 'c') continue;
    const c = parseCount(io, o.value!, o.key === 'n', signs);
    if (!c) return undefined;
    [count, bytes] = [c, o.key === 'c'];
  }
  return { count, bytes };
}

/** Parses N of `-n N`/`-c N`; undefined after complaining. */
export function parseCount(io: ProgramIO, raw: string, lines: boolean, signs: string): Count | undefined {
  const m = /^([+-]?)(\d+)([a-zA-Z]?)$/.exec(raw);
  const ok = m && SUFFIX[m[3]] !== undefined && (m[1] === '' || signs.includes(m[1]) || io.userland === 'gnu');
  if (!m || !ok) {
    complain(io, io.userland === 'gnu' ? `invalid number of ${lines ? 'lines' : 'bytes'}: '${raw}'` : `invalid number '${raw}'`);
    return undefined;
  }
  const sign = signs.includes(m[1]) ? (m[1] as Count['sign']) : '';
  return { n: Number(m[2]) * SUFFIX[m[3]], sign };
}

/** Prints `==> name <==` before each file when there are several (or -v), none with -q. */
export function header(io: ProgramIO, name: string, index: number, show: boolean): void {
  if (!show) return;
  io.out(`${index > 0 ? '\n' : ''}==> ${name === '-' ? 'standard input' : name} <==\n`);
}

/** Reads an operand in head's or tail's words. */
export function readFor(io: ProgramIO, tool: 'head' | 'tail', name: string): string | undefined {
  const gnu = (n: string, e: FsError) => e === 'EISDIR' ? `error reading '${n}': ${fsMessage(e)}` : `cannot open '${n}' for reading: ${fsMessage(e)}`;
  const bbHead = (n: string, e: FsError) => `${n}: ${e === 'EISDIR' ? 'Input/output error' : fsMessage(e)}`;
  return tool === 'head' ? readInput(io, name, gnu, bbHead) : readInput(io, name, gnu);
}

/** Lines keeping their newlines, so slicing preserves a missing final newline. */
export function linesWithEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function sliceBytes(text: string, start: number, end?: number): string {
  const bytes = new TextEncoder().encode(text);
  return new TextDecoder().decode(bytes.slice(start, end));
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
