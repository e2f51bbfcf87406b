/**
 * sort [-bfnhgruscz] [-k POS1[,POS2]]... [-t SEP] [-o FILE] [FILE]... — GNU sort (coreutils
 * sort.c: keys, last-resort byte comparison, -u on key equality) and busybox coreutils/sort.c,
 * in the C locale's byte order; texts checked against GNU sort 9.1 and busybox 1.35 (-h since
 * busybox 1.36). Usage errors and unreadable files exit 2.
 */
import type { Program, ProgramIO } from '../program';
import { catOpenError, complain, has, last, parseOpts, readInput, resolvePath, splitLines } from './common';

interface KeyOpts { numeric: boolean; human: boolean; fold: boolean; blanks: boolean; reverse: boolean }
interface Key extends KeyOpts { f1: number; c1: number; f2: number; c2: number }

export const sort: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: gnu ? 'bdfgMnhruscVzt:k:o:' : 'bdfghiMnruscVzt:k:o:',
    usageStatus: 2,
    long: gnu ? {
      'ignore-leading-blanks': 'b', 'ignore-case': 'f', 'numeric-sort': 'n', 'human-numeric-sort': 'h', 'general-numeric-sort': 'g',
      reverse: 'r', unique: 'u', stable: 's', check: 'c', 'field-separator=': 't', 'key=': 'k', 'output=': 'o',
    } : undefined,
  });
  if (typeof p === 'number') return p;
  const global: KeyOpts = {
    numeric: has(p, 'n') || has(p, 'g'), human: has(p, 'h'), fold: has(p, 'f'), blanks: has(p, 'b'), reverse: has(p, 'r'),
  };
  const sep = last(p, 't');
  if (sep !== undefined && sep.length !== 1) {
    complain(io, gnu ? (sep ? `multi-character tab '${sep}'` : 'empty tab') : 'bad -t parameter');
    return 2;
  }
  const keys: Key[] = [];
  for (const o of p.opts) {
    if (o.key !== 'k') continue;
    const key = parseKey(io, o.value!, global);
    if (!key) return 2;
    keys.push(key);
  }
  let lines: string[] = [];
  for (const name of p.operands.length ? p.operands : ['-']) {
    const text = readInput(io, name, (n, e) => `cannot read: ${catOpenError(n, e)}`, catOpenError);
    if (text === undefined) return 2;
    lines.push(...splitLines(text));
  }
  const byKeys = (a: string, b: string) => {
    if (!keys.length) return compareField(a, b, global);
    for (const k of keys) {
      const c = compareField(extract(a, k, sep), extract(b, k, sep), k);
      if (c) return c;
    }
    return 0;
  };
  const anyKeyOpt = global.numeric || global.human || global.fold || global.blanks;
  const lastResort = (a: string, b: string) => (has(p, 's') || has(p, 'u') || (!anyKeyOpt && !keys.length) ? 0 : bytes(a, b) * (global.reverse ? -1 : 1));
  if (has(p, 'c')) {
    for (let i = 1; i < lines.length; i++) {
      const c = byKeys(lines[i - 1], lines[i]) || lastResort(lines[i - 1], lines[i]);
      if (c > 0 || (c === 0 && has(p, 'u'))) {
        // busybox sort.c: fprintf(stderr, "Check line %u\n", i) — no applet name, 0-based.
        if (gnu) complain(io, `-:${i + 1}: disorder: ${lines[i]}`);
        else io.err(`Check line ${i}\n`);
        return 1;
      }
    }
    return 0;
  }
  lines = lines.map((l, i) => [l, i] as const)
    .sort(([a, i], [b, j]) => byKeys(a, b) || lastResort(a, b) || i - j)
    .map(([l]) => l);
  if (has(p, 'u')) lines = lines.filter((l, i) => i === 0 || byKeys(lines[i - 1], l) !== 0);
  const output = lines.map((l) => l + '\n').join('');
  const file = last(p, 'o');
  if (file === undefined) { io.out(output); return 0; }
  const err = io.fs.write(resolvePath(io, file), output, false);
  if (err) { complain(io, `open failed: ${file}: ${err}`); return 2; }
  return 0;
};

/** `F[.C][opts][,F[.C][opts]]` (sort.c `key_init`/`parse_field_count`). */
function parseKey(io: ProgramIO, spec: string, global: KeyOpts): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinrMV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinrMV]*))?$/.exec(spec);
  if (!m || m[1] === '0') {
    if (io.userland === 'busybox') complain(io, 'bad field specification');
    else if (spec.startsWith('0')) complain(io, `field number is zero: invalid field specification '${spec}'`);
    else if (!/^\d/.test(spec)) complain(io, `invalid number at field start: invalid count at start of '${spec}'`);
    else if (/^\d+\.(?!\d)/.test(spec)) complain(io, `invalid number after '.': invalid count at start of '${spec.replace(/^\d+\./, '')}'`);
    else complain(io, `stray character in field spec: invalid field specification '${spec}'`);
    return undefined;
  }
  const flags = (m[3] ?? '') + (m[6] ?? '');
  const own = flags.length > 0;
  return {
    f1: Number(m[1]), c1: Number(m[2] ?? 1), f2: m[4] ? Number(m[4]) : Infinity, c2: Number(m[5] ?? 0),
    numeric: own ? /[ng]/.test(flags) : global.numeric, human: own ? flags.includes('h') : global.human,
    fold: own ? flags.includes('f') : global.fold, blanks: own ? flags.includes('b') : global.blanks,
    reverse: own ? flags.includes('r') : global.reverse,
  };
}

/** The text of a key: fields split at `sep`, or at blank runs that stay with the next field. */
function extract(line: string, k: Key, sep: string | undefined): string {
  const starts: number[] = [];
  if (sep !== undefined) {
    starts.push(0);
    for (let i = 0; i < line.length; i++) if (line[i] === sep) starts.push(i + 1);
  } else {
    for (let i = 0; i < line.length; i++) {
      if (i === 0 || (/[ \t]/.test(line[i]) && !/[ \t]/.test(line[i - 1]))) starts.push(i);
    }
    if (!starts.length) starts.push(0);
  }
  const fieldEnd = (f: number) => (f < starts.length ? (sep !== undefined ? starts[f] - 1 : starts[f]) : line.length);
  if (k.f1 > starts.length) return '';
  let from = starts[k.f1 - 1];
  if (k.blanks) while (/[ \t]/.test(line[from] ?? '')) from++;
  from += k.c1 - 1;
  const to = k.f2 === Infinity ? line.length : k.c2 ? Math.min(fieldEnd(k.f2), starts[k.f2 - 1] + k.c2) : fieldEnd(k.f2);
  return line.slice(from, Math.max(from, to));
}

function compareField(a: string, b: string, k: KeyOpts): number {
  let c: number;
  if (k.human) {
    const [x, y] = [human(a), human(b)];
    c = x[0] - y[0] || x[1] - y[1];
  }
  else if (k.numeric) c = number(a) - number(b);
  else if (k.fold) c = bytes(a.toUpperCase(), b.toUpperCase());
  else if (k.blanks) c = bytes(a.trimStart(), b.trimStart());
  else c = bytes(a, b);
  return Math.sign(c) * (k.reverse ? -1 : 1);
}

function number(s: string): number {
  const m = /^\s*(-?(\d+\.?\d*|\.\d+))/.exec(s);
  return m ? Number(m[1]) : 0;
}

const SI = 'KMGTPEZY';

/** -h: the suffix orders first, then the number (sort.c `human_numcompare`). */
function human(s: string): [number, number] {
  const m = /^\s*(-?(?:\d+\.?\d*|\.\d+))([KMGTPEZYk]?)/.exec(s);
  if (!m) return [0, 0];
  const n = Number(m[1]);
  const power = m[2] ? SI.indexOf(m[2].toUpperCase()) + 1 : 0;
  return [Math.sign(n) * power, n];
}

function bytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
