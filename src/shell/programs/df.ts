/**
 * df [-hkT] [FILE]... — coreutils df.c (columns as wide as their widest cell, minimum widths
 * 14/5/5/5/4, Use% rounded up) and busybox coreutils/df.c (`%-20s %9s %9s %9s %3u%% %s`, Use%
 * rounded to nearest), checked against both. Mounts come from `sys.disk` (default: a container
 * on a kind node). A FILE selects the mount it lives on.
 */
import type { Program } from '../program';
import { complain, has, parseOpts } from './common';
import { humanSize } from './human';
import { DEFAULT_DISK, type Mount } from './system';

export const df: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: 'hkTPam:B:i', long: gnu ? { 'human-readable': 'h', 'print-type': 'T', portability: 'P', all: 'a' } : undefined });
  if (typeof p === 'number') return p;
  const mounts = io.sys.disk ?? DEFAULT_DISK;
  let code = 0;
  let chosen: Mount[] = mounts;
  if (p.operands.length) {
    chosen = [];
    for (const name of p.operands) {
      const abs = name.startsWith('/') ? name : `${io.cwd}/${name}`;
      if (typeof io.fs.stat(abs) === 'string') {
        complain(io, gnu ? `${name}: No such file or directory` : `${name}: can't find mount point`);
        code = 1;
        continue;
      }
      const best = [...mounts].filter((m) => abs === m.mountedOn || abs.startsWith(m.mountedOn === '/' ? '/' : m.mountedOn + '/'))
        .sort((a, b) => b.mountedOn.length - a.mountedOn.length)[0];
      if (best) chosen.push(best);
    }
  }
  const human = has(p, 'h');
  const rows = chosen.map((m) => {
    const avail = m.availableKb ?? m.sizeKb - m.usedKb;
    const denom = m.usedKb + avail;
    const pct = denom === 0 ? 0 : gnu ? Math.ceil((m.usedKb * 100) / denom) : Math.round((m.usedKb * 100) / denom);
    const num = (kb: number) => (human ? humanSize(kb * 1024, io.userland) : String(kb));
    return [m.filesystem, num(m.sizeKb), num(m.usedKb), num(avail), denom === 0 && gnu ? '-' : `${pct}%`, m.mountedOn];
  });
  if (!gnu) {
    io.out(`Filesystem           ${(human ? 'Size' : '1K-blocks').padStart(9)}      Used Available Use% Mounted on\n`);
    for (const r of rows) {
      const fsName = r[0].length > 20 ? `${r[0]}\n${' '.repeat(20)}` : r[0].padEnd(20);
      io.out(`${fsName} ${r[1].padStart(9)} ${r[2].padStart(9)} ${r[3].padStart(9)} ${r[4].padStart(4)} ${r[5]}\n`);
    }
    return code;
  }
  if (!rows.length) return code;
  const header = ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
  const mins = [14, 5, 5, 5, 4, 0];
  const table = [header, ...rows];
  const widths = mins.map((min, c) => Math.max(min, ...table.map((r) => r[c].length)));
  for (const r of table) {
    io.out([r[0].padEnd(widths[0]), ...r.slice(1, 5).map((cell, i) => cell.padStart(widths[i + 1])), r[5]].join(' ') + '\n');
  }
  return code;
};
