/**
 * free [-b|-k|-m|-g|-h] — procps-ng 4 free.c (used = total − available; `Mi`/`Gi` units,
 * truncated) and busybox procps/free.c (used = total − free − buff/cache; one-decimal `M`/`G`),
 * checked against both. Memory is the node's (`sys.memory`), as /proc/meminfo is not
 * namespaced: a container sees the whole machine.
 */
import type { Program } from '../program';
import { has, parseOpts } from './common';
import { humanSize } from './human';
import { DEFAULT_MEMORY } from './system';

export const free: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: 'bkmght', long: gnu ? { bytes: 'b', kibi: 'k', mebi: 'm', gibi: 'g', human: 'h', total: 't' } : undefined });
  if (typeof p === 'number') return p;
  const m = io.sys.memory ?? DEFAULT_MEMORY;
  const used = gnu ? m.totalKb - m.availableKb : m.totalKb - m.freeKb - m.buffCacheKb;
  const scale = (kb: number): string => {
    if (has(p, 'h')) return gnu ? procpsHuman(kb) : humanSize(kb * 1024, 'busybox');
    if (has(p, 'b')) return String(kb * 1024);
    if (has(p, 'm')) return String(Math.floor(kb / 1024));
    if (has(p, 'g')) return String(Math.floor(kb / 1024 / 1024));
    return String(kb);
  };
  const [label, first] = gnu ? [9, 11] : [7, 12];
  const row = (name: string, cells: number[]) =>
    io.out(name.padEnd(label) + cells.map((c, i) => scale(c).padStart(i === 0 ? first : 12)).join('') + '\n');
  io.out(' '.repeat(label) + ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h, i) => h.padStart(i === 0 ? first : 12)).join('') + '\n');
  row('Mem:', [m.totalKb, used, m.freeKb, m.sharedKb, m.buffCacheKb, m.availableKb]);
  row('Swap:', [m.swapTotalKb, 0, m.swapTotalKb]);
  if (has(p, 't')) row('Total:', [m.totalKb + m.swapTotalKb, used, m.freeKb + m.swapTotalKb]);
  return 0;
};

/** procps's scale_size: `0B`, `23Gi`, `3.3Gi` (one decimal below 10, truncated). */
function procpsHuman(kb: number): string {
  if (kb === 0) return '0B';
  const units = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let value = kb;
  let u = 0;
  while (value >= 1024 && u < units.length - 1) { value /= 1024; u++; }
  return value < 10 ? `${(Math.floor(value * 10) / 10).toFixed(1)}${units[u]}` : `${Math.floor(value)}${units[u]}`;
}
