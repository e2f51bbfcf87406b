/**
 * `ps`: the container's processes (PID 1 is its main process). busybox's applet prints
 * `PID   USER     TIME  COMMAND` rows (`%5u %-8.8s %s %s`, procps/ps.c) whatever BSD-style
 * letters follow (`ps aux`); procps's `ps` with no options prints PID TTY TIME CMD.
 */
import type { ProcessEntry } from '../container-system';
import type { Program } from '../program';

export const ps: Program = (io) => {
  const list = withSelf(io.sys.processes?.() ?? [], io.argv);
  if (io.userland === 'busybox') {
    io.out('PID   USER     TIME  COMMAND\n');
    for (const p of list) io.out(`${String(p.pid).padStart(5)} ${p.user.padEnd(8).slice(0, 8)} ${'0:00'.padStart(5)} ${p.command}\n`);
    return 0;
  }
  io.out('    PID TTY          TIME CMD\n');
  for (const p of list) io.out(`${String(p.pid).padStart(7)} ?        00:00:00 ${(p.command.split(' ')[0].split('/').pop() ?? '').slice(0, 15)}\n`);
  return 0;
};

/**
 * Run from a shell, ps is a child of the exec'd process and shows itself too; a shell given one
 * command (`sh -c 'ps aux'`) execs it in its own place.
 */
function withSelf(list: ProcessEntry[], argv: string[]): ProcessEntry[] {
  const last = list[list.length - 1];
  const me = argv.join(' ');
  if (!last || last.command === me) return list;
  if (/^(\S*\/)?(sh|ash|bash|dash) -c /.test(last.command) && last.command.replace(/^\S+ -c /, '').trim() === me) return [...list.slice(0, -1), { ...last, command: me }];
  return [...list, { pid: last.pid + 6, user: 'root', command: me, startedAt: last.startedAt }];
}
