/**
 * uname [-asnrvmpio] — coreutils uname.c, busybox coreutils/uname.c. The kernel is the node's
 * (`sys.kernel`, default kind on an Ubuntu 24.04 host); the node name is the pod's hostname.
 * -a leaves out -p/-i when unknown (GNU) as busybox does.
 */
import type { Program } from '../program';
import { has, parseOpts } from './common';
import { DEFAULT_KERNEL } from './system';

export const uname: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: 'asnrvmpio',
    long: gnu ? { all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o' } : undefined,
  });
  if (typeof p === 'number') return p;
  if (p.operands.length) {
    io.err(gnu ? `uname: extra operand '${p.operands[0]}'\nTry 'uname --help' for more information.\n` : '');
    return 1;
  }
  const k = io.sys.kernel ?? DEFAULT_KERNEL;
  const all = has(p, 'a');
  const fields: Array<[string, string]> = [
    ['s', 'Linux'], ['n', io.sys.hostname], ['r', k.release], ['v', k.version], ['m', k.machine],
    ['p', 'unknown'], ['i', 'unknown'], ['o', 'GNU/Linux'],
  ];
  const picked = fields.filter(([f]) => (all ? f !== 'p' && f !== 'i' : has(p, f)));
  io.out((picked.length ? picked : [fields[0]]).map(([, v]) => v).join(' ') + '\n');
  return 0;
};
