/**
 * touch [-c] FILE... — coreutils touch.c (`cannot touch 'x': …`), busybox coreutils/touch.c
 * (`x: No such file or directory`). Touching stamps the file with the process's now.
 */
import type { Program } from '../program';
import { complain, fsMessage, has, isFsError, parseOpts, resolvePath, usageError } from './common';

export const touch: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: 'acmd:t:r:h', long: gnu ? { 'no-create': 'c', 'date=': 'd', 'reference=': 'r' } : undefined });
  if (typeof p === 'number') return p;
  if (!p.operands.length) return gnu ? usageError(io, 1, 'missing file operand') : usageError(io, 1);
  let code = 0;
  for (const name of p.operands) {
    const abs = resolvePath(io, name);
    const stat = io.fs.stat(abs);
    if (!isFsError(stat) && stat.type === 'dir') continue;
    if (isFsError(stat) && has(p, 'c')) continue;
    // Appending nothing creates the file or stamps its time, keeping its content.
    const err = io.fs.write(abs, '', true);
    if (err) { complain(io, gnu ? `cannot touch '${name}': ${fsMessage(err)}` : `${name}: ${fsMessage(err)}`); code = 1; }
  }
  return code;
};
