/** dirname NAME... — coreutils dirname.c (several names), busybox coreutils/dirname.c (one). */
import type { Program } from '../program';
import { parseOpts, usageError } from './common';

export function dirnameOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return trimmed.slice(0, i).replace(/\/+$/, '') || '/';
}

export const dirname: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: gnu ? 'z' : '', long: gnu ? { zero: 'z' } : undefined });
  if (typeof p === 'number') return p;
  if (!p.operands.length || (!gnu && p.operands.length > 1)) return gnu ? usageError(io, 1, 'missing operand') : usageError(io, 1);
  for (const name of p.operands) io.out(dirnameOf(name) + '\n');
  return 0;
};
