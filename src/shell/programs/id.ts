/**
 * id [-u|-g|-G] [-n] and whoami — coreutils id.c/whoami.c, busybox coreutils/id.c/whoami.c.
 * The identity comes from `sys.identity` (root by default; busybox's image adds wheel).
 */
import type { Program } from '../program';
import { has, parseOpts, usageError } from './common';
import { identityOf } from './system';

export const id: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, { short: 'ugGnr', long: gnu ? { user: 'u', group: 'g', groups: 'G', name: 'n', real: 'r' } : undefined });
  if (typeof p === 'number') return p;
  const me = identityOf(io);
  if (p.operands.length && p.operands[0] !== me.user && p.operands[0] !== String(me.uid)) {
    io.err(gnu ? `id: '${p.operands[0]}': no such user\n` : `id: unknown user ${p.operands[0]}\n`);
    return 1;
  }
  const name = has(p, 'n');
  if (has(p, 'u')) io.out(`${name ? me.user : me.uid}\n`);
  else if (has(p, 'g')) io.out(`${name ? me.group : me.gid}\n`);
  else if (has(p, 'G')) io.out(me.groups.map(([g, n]) => (name ? n : String(g))).join(' ') + '\n');
  else if (name) return gnu ? usageError(io, 1, 'cannot print only names or real IDs in default format') : usageError(io, 1);
  else io.out(`uid=${me.uid}(${me.user}) gid=${me.gid}(${me.group}) groups=${me.groups.map(([g, n]) => `${g}(${n})`).join(',')}\n`);
  return 0;
};

export const whoami: Program = (io) => {
  const p = parseOpts(io, { short: '' });
  if (typeof p === 'number') return p;
  if (p.operands.length) return io.userland === 'gnu' ? usageError(io, 1, `extra operand '${p.operands[0]}'`) : usageError(io, 1);
  io.out(identityOf(io).user + '\n');
  return 0;
};
