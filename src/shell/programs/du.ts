/**
 * du [-ashck] [-d N] [FILE]... — coreutils du.c and busybox coreutils/du.c (checked against
 * GNU du 9.1 and busybox 1.35): 1K blocks, a directory 4, a file its whole 4K blocks; `SIZE\tPATH`.
 */
import type { Program, ProgramIO } from '../program';
import { complain, fsMessage, has, isFsError, last, parseOpts, resolvePath } from './common';
import { humanSize } from './human';
import { walk } from './walk';

export const du: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: 'ashckmd:xLHlb',
    long: gnu ? { all: 'a', summarize: 's', 'human-readable': 'h', total: 'c', 'max-depth=': 'd' } : undefined,
  });
  if (typeof p === 'number') return p;
  const maxDepth = has(p, 's') ? 0 : last(p, 'd') === undefined ? Infinity : Number(last(p, 'd'));
  const show = (kb: number, path: string) =>
    io.out(`${has(p, 'h') ? humanSize(kb * 1024, io.userland) : has(p, 'm') ? Math.ceil(kb / 1024) : kb}\t${path}\n`);
  let code = 0;
  let total = 0;
  for (const name of p.operands.length ? p.operands : ['.']) {
    const abs = resolvePath(io, name);
    const stat = io.fs.stat(abs);
    if (isFsError(stat)) {
      complain(io, gnu ? `cannot access '${name}': ${fsMessage(stat)}` : `${name}: ${fsMessage(stat)}`);
      code = 1;
      continue;
    }
    total += report(io, name, abs, maxDepth, has(p, 'a'), show);
  }
  if (has(p, 'c')) show(total, 'total');
  return code;
};

/** Prints a tree's directories (and files with -a) after their contents; returns its size. */
function report(io: ProgramIO, name: string, abs: string, maxDepth: number, all: boolean, show: (kb: number, path: string) => void): number {
  const sizes = new Map<string, number>();
  const visits = [...walk(io.fs, name, abs)];
  for (const v of [...visits].reverse()) {
    const own = v.stat.type === 'dir' ? 4 : Math.ceil(v.stat.size / 4096) * 4;
    const kb = own + (sizes.get(v.abs) ?? 0);
    sizes.set(v.abs, kb);
    const parent = v.abs.slice(0, v.abs.lastIndexOf('/')) || '/';
    if (v.depth > 0) sizes.set(parent, (sizes.get(parent) ?? 0) + kb);
  }
  // Post-order: a directory after everything inside it.
  const order: typeof visits = [];
  const emit = (i: number): number => {
    let j = i + 1;
    while (j < visits.length && visits[j].depth > visits[i].depth) j = emit(j);
    order.push(visits[i]);
    return j;
  };
  emit(0);
  for (const v of order) {
    if (v.depth > maxDepth) continue;
    if (v.stat.type === 'dir' || all || v.depth === 0) show(sizes.get(v.abs)!, v.path);
  }
  return sizes.get(abs)!;
}
