/** tee [-a] [FILE]... — coreutils tee.c / busybox coreutils/tee.c: `tee: FILE: No such file or directory`. */
import type { Program } from '../program';
import { complain, fsMessage, has, parseOpts, resolvePath } from './common';

export const tee: Program = (io) => {
  const p = parseOpts(io, { short: 'ai', long: io.userland === 'gnu' ? { append: 'a', 'ignore-interrupts': 'i' } : undefined });
  if (typeof p === 'number') return p;
  let code = 0;
  for (const name of p.operands) {
    const err = io.fs.write(resolvePath(io, name), io.stdin, has(p, 'a'));
    if (err) { complain(io, `${name}: ${fsMessage(err)}`); code = 1; }
  }
  io.out(io.stdin);
  return code;
};
