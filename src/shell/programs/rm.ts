/** rm [-rRfiv] FILE... — coreutils rm.c (remove.c texts), busybox coreutils/rm.c (libbb/remove_file.c). */
import type { Program } from '../program';
import { complain, fsMessage, has, isFsError, parseOpts, resolvePath, usageError } from './common';

export const rm: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: 'rRfiv', long: gnu ? { recursive: 'r', force: 'f', verbose: 'v', dir: 'd' } : undefined });
  if (typeof p === 'number') return p;
  const force = has(p, 'f');
  const recursive = has(p, 'r') || has(p, 'R');
  if (!p.operands.length) {
    if (force) return 0;
    return gnu ? usageError(io, 1, 'missing operand') : usageError(io, 1);
  }
  let code = 0;
  for (const name of p.operands) {
    const abs = resolvePath(io, name);
    const stat = io.fs.stat(abs);
    if (isFsError(stat)) {
      if (force && stat === 'ENOENT') continue;
      complain(io, `${gnu ? 'cannot' : "can't"} remove '${name}': ${fsMessage(stat)}`);
      code = 1;
      continue;
    }
    if (abs === '/' && recursive) {
      complain(io, gnu ? "it is dangerous to operate recursively on '/'" : "can't remove '/'");
      if (gnu) io.err("rm: use --no-preserve-root to override this failsafe\n");
      code = 1;
      continue;
    }
    if (stat.type === 'dir' && !recursive) {
      complain(io, gnu ? `cannot remove '${name}': Is a directory` : `'${name}' is a directory`);
      code = 1;
      continue;
    }
    const err = io.fs.remove(abs, true);
    if (err) { complain(io, `${gnu ? 'cannot' : "can't"} remove '${name}': ${fsMessage(err)}`); code = 1; }
    else if (has(p, 'v')) io.out(`removed ${gnu && stat.type === 'dir' ? 'directory ' : ''}'${name}'\n`);
  }
  return code;
};
