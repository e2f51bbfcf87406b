/** `hostname` (busybox and GNU): the pod's hostname; `-i` its IP, as /etc/hosts says. */
import type { Program } from '../program';

export const hostname: Program = (io) => {
  const args = io.argv.slice(1);
  if (args.includes('-i') || args.includes('--ip-address')) {
    const ip = io.sys.resolve?.(io.sys.hostname);
    if (!ip) {
      io.err(io.userland === 'busybox' ? `hostname: ${io.sys.hostname}: Unknown host\n` : 'hostname: Name or service not known\n');
      return 1;
    }
    io.out(ip + (io.userland === 'gnu' ? ' \n' : '\n'));
    return 0;
  }
  io.out(io.sys.hostname + '\n');
  return 0;
};
