/**
 * grep [-iEFvcnlLqsowxrhHz] [-e PAT]... [-f FILE] [-m N] [-A|-B|-C N] PATTERN [FILE]... —
 * GNU grep 3.8 (src/grep.c) and busybox findutils/grep.c, texts checked against both. Exit 0
 * when a line is selected, 1 when none, 2 on an error (unless -q found a match). busybox skips
 * a directory operand silently; GNU says `grep: d: Is a directory`. `-r` walks in byte order,
 * not readdir order.
 */
import type { Program, ProgramIO } from '../program';
import { all, catOpenError, complain, has, isFsError, last, parseOpts, readInput, resolvePath, usageError } from './common';
import { compile, escapeFixed, RegexError } from './posix-regex';
import { walk } from './walk';

interface Source { name: string; text: string }

export const grep: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: 'iyEFGvcnlLqsowxrRhHzZe:f:m:A:B:C:',
    usageStatus: 2,
    long: gnu ? {
      'ignore-case': 'i', 'extended-regexp': 'E', 'fixed-strings': 'F', 'invert-match': 'v', count: 'c',
      'line-number': 'n', 'files-with-matches': 'l', 'files-without-match': 'L', quiet: 'q', silent: 'q',
      'no-messages': 's', 'only-matching': 'o', 'word-regexp': 'w', 'line-regexp': 'x', recursive: 'r',
      'no-filename': 'h', 'with-filename': 'H', 'regexp=': 'e', 'file=': 'f', 'max-count=': 'm',
      'after-context=': 'A', 'before-context=': 'B', 'context=': 'C', color: 'color', 'color=': 'color', 'colour=': 'color',
    } : undefined,
  });
  if (typeof p === 'number') return p;
  const operands = [...p.operands];
  let patterns = all(p, 'e');
  for (const f of all(p, 'f')) {
    const text = readInput(io, f);
    if (text === undefined) return 2;
    patterns.push(...text.replace(/\n$/, '').split('\n'));
  }
  if (!has(p, 'e') && !has(p, 'f')) {
    if (!operands.length) {
      if (gnu) io.err('Usage: grep [OPTION]... PATTERNS [FILE]...\n');
      return usageError(io, 2);
    }
    patterns = [operands.shift()!];
  }
  patterns = patterns.flatMap((pat) => pat.split('\n'));
  let re: RegExp;
  try {
    re = buildRegex(patterns, has(p, 'F'), has(p, 'E'), has(p, 'i') || has(p, 'y'), has(p, 'w'), has(p, 'x'));
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    complain(io, gnu ? e.message : `bad regex '${patterns.join('\n')}'`);
    return 2;
  }
  const recursive = has(p, 'r') || has(p, 'R');
  if (!operands.length) operands.push(recursive ? '.' : '-');
  const sources = collect(io, operands, recursive, has(p, 's'));
  const withName = has(p, 'H') || (!has(p, 'h') && (operands.length > 1 || recursive));
  const max = last(p, 'm') === undefined ? Infinity : Number(last(p, 'm'));
  const ctx = { after: Number(last(p, 'A') ?? last(p, 'C') ?? 0), before: Number(last(p, 'B') ?? last(p, 'C') ?? 0) };
  let selected = false;
  for (const src of sources.list) {
    const found = search(io, src, re, {
      invert: has(p, 'v'), count: has(p, 'c'), list: has(p, 'l'), listMissing: has(p, 'L'), quiet: has(p, 'q'),
      only: has(p, 'o'), number: has(p, 'n'), withName, max, ...ctx,
    });
    if (found) selected = true;
    if (found && has(p, 'q')) return 0;
  }
  if (sources.failed && !(has(p, 'q') && selected)) return 2;
  return selected ? 0 : 1;
};

function buildRegex(patterns: string[], fixed: boolean, extended: boolean, icase: boolean, word: boolean, line: boolean): RegExp {
  let src = patterns.map((pat) => (fixed ? escapeFixed(pat) : compile(pat, extended).source)).map((s) => `(?:${s})`).join('|');
  if (word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (line) src = `^(?:${src})$`;
  return new RegExp(src, icase ? 'gi' : 'g');
}

function collect(io: ProgramIO, operands: string[], recursive: boolean, silent: boolean): { list: Source[]; failed: boolean } {
  const list: Source[] = [];
  let failed = false;
  const quiet = silent ? { ...io, err: () => undefined } : io;
  for (const name of operands) {
    if (name === '-') { list.push({ name: '(standard input)', text: io.stdin }); continue; }
    const stat = io.fs.stat(resolvePath(io, name));
    if (!isFsError(stat) && stat.type === 'dir') {
      if (recursive) {
        for (const v of walk(io.fs, name, resolvePath(io, name))) {
          if (v.stat.type !== 'file') continue;
          const text = io.fs.read(v.abs);
          if (!isFsError(text)) list.push({ name: v.path, text });
        }
      } else if (io.userland === 'gnu') {
        if (!silent) complain(io, `${name}: Is a directory`);
        failed = true;
      }
      continue;
    }
    const text = readInput(quiet, name, catOpenError, catOpenError);
    if (text === undefined) { failed = true; continue; }
    list.push({ name, text });
  }
  return { list, failed };
}

interface SearchOpts {
  invert: boolean; count: boolean; list: boolean; listMissing: boolean; quiet: boolean; only: boolean;
  number: boolean; withName: boolean; max: number; after: number; before: number;
}

/** Prints one source's selected lines as the options ask; true if any line was selected. */
function search(io: ProgramIO, src: Source, re: RegExp, o: SearchOpts): boolean {
  const lines = src.text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const hits: number[] = [];
  for (let i = 0; i < lines.length && hits.length < o.max; i++) {
    re.lastIndex = 0;
    if (re.test(lines[i]) !== o.invert) hits.push(i);
  }
  const prefix = (i: number, sep: string) => (o.withName ? src.name + sep : '') + (o.number ? `${i + 1}${sep}` : '');
  if (o.quiet) return hits.length > 0;
  if (o.list || o.listMissing) {
    if ((hits.length > 0) === o.list) io.out(src.name + '\n');
    return hits.length > 0;
  }
  if (o.count) { io.out((o.withName ? src.name + ':' : '') + hits.length + '\n'); return hits.length > 0; }
  let printed = -1;
  for (const i of hits) {
    if (o.only) {
      if (o.invert) continue;
      re.lastIndex = 0;
      for (const m of lines[i].matchAll(re)) if (m[0]) io.out(prefix(i, ':') + m[0] + '\n');
      continue;
    }
    const from = Math.max(i - o.before, printed + 1);
    if ((o.before || o.after) && printed >= 0 && from > printed + 1) io.out('--\n');
    for (let j = from; j < i; j++) io.out(prefix(j, '-') + lines[j] + '\n');
    io.out(prefix(i, ':') + lines[i] + '\n');
    printed = i;
    const next = hits.find((h) => h > i) ?? Infinity;
    for (let j = i + 1; j <= i + o.after && j < lines.length && j < next; j++) { io.out(prefix(j, '-') + lines[j] + '\n'); printed = j; }
  }
  return hits.length > 0;
}
