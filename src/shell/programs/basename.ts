/** basename NAME [SUFFIX] | -a NAME... | -s SUFFIX NAME... — coreutils basename.c, busybox coreutils/basename.c. */
import type { Program } from '../program';
import { basenameOf, has, last, parseOpts, usageError } from './common';

export const basename: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: 'as:z', long: gnu ? { multiple: 'a', 'suffix=': 's', zero: 'z' } : undefined });
  if (typeof p === 'number') return p;
  const multiple = has(p, 'a') || has(p, 's');
  const ops = p.operands;
  if (!ops.length) return gnu ? usageError(io, 1, 'missing operand') : usageError(io, 1);
  if (!multiple && ops.length > 2) return gnu ? usageError(io, 1, `extra operand '${ops[2]}'`) : usageError(io, 1);
  const suffix = multiple ? last(p, 's') ?? '' : ops[1] ?? '';
  for (const name of multiple ? ops : [ops[0]]) {
    const base = basenameOf(name);
    io.out((suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base) + '\n');
  }
  return 0;
};
