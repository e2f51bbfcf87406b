/** mkdir [-p] [-m MODE] DIR... and rmdir [-p] DIR... — coreutils mkdir.c/rmdir.c, busybox coreutils/mkdir.c/rmdir.c. */
import type { Program } from '../program';
import { complain, fsMessage, has, isFsError, parseOpts, resolvePath, usageError } from './common';

export const mkdir: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: 'pm:v', long: gnu ? { parents: 'p', 'mode=': 'm', verbose: 'v' } : undefined });
  if (typeof p === 'number') return p;
  if (!p.operands.length) return gnu ? usageError(io, 1, 'missing operand') : usageError(io, 1);
  let code = 0;
  for (const name of p.operands) {
    const abs = resolvePath(io, name);
    let err = io.fs.mkdir(abs, has(p, 'p'));
    // A file where a parent should be is ENOTDIR, whatever the fs says.
    if (err === 'ENOENT' && blockedByFile(io, abs)) err = 'ENOTDIR';
    if (err) {
      complain(io, `${gnu ? 'cannot' : "can't"} create directory '${name}': ${fsMessage(err)}`);
      code = 1;
    } else if (has(p, 'v')) io.out(`mkdir: created directory '${name}'\n`);
  }
  return code;
};

export const rmdir: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: 'pv', long: gnu ? { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'ignore' } : undefined });
  if (typeof p === 'number') return p;
  if (!p.operands.length) return gnu ? usageError(io, 1, 'missing operand') : usageError(io, 1);
  let code = 0;
  for (const name of p.operands) {
    const abs = resolvePath(io, name);
    const stat = io.fs.stat(abs);
    const err = isFsError(stat) ? stat : stat.type !== 'dir' ? 'ENOTDIR' : io.fs.remove(abs, false);
    if (!err || (err === 'ENOTEMPTY' && has(p, 'ignore'))) continue;
    complain(io, gnu ? `failed to remove '${name}': ${fsMessage(err)}` : `'${name}': ${fsMessage(err)}`);
    code = 1;
  }
  return code;
};

function blockedByFile(io: Parameters<Program>[0], abs: string): boolean {
  for (let d = abs.slice(0, abs.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) {
    const s = io.fs.stat(d);
    if (!isFsError(s)) return s.type !== 'dir';
  }
  return false;
}
