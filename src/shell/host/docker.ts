/**
 * The host's `docker`, as a kind user meets it: kind's nodes are containers, and
 * `docker exec kind-worker cat /mnt/data/index.html` (or `docker exec -i kind-worker bash <<EOF`)
 * runs a command in a node, on the node's own files; `docker ps`, `docker stop|start|restart
 * kind-worker2` list and stop and start the nodes themselves (./docker-containers.ts). Refusals
 * are the docker CLI's and the daemon's words.
 */
import type { ShellProgram } from '../interpreter';
import { dockerLifecycle, dockerPs, type NodeContainerControl } from './docker-containers';

export interface ExecOutput {
  lines: Array<{ text: string; stream: 'stdout' | 'stderr' }>;
  code: number;
}

/** kind's node containers, as the host's docker daemon runs them. */
export interface KindNodes extends NodeContainerControl {
  names(): string[];
  /** Runs `argv` in the node now (`stdin`: a shell's script when given with -i). */
  exec(node: string, argv: string[], env: Record<string, string>, workdir: string | undefined): ExecOutput | { notFound: string };
}

const EXEC_USAGE = `docker: 'docker exec' requires at least 2 arguments

Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]

See 'docker exec --help' for more information
`;

const SHELLS = new Set(['sh', 'bash', 'dash']);

export function docker(nodes: KindNodes, tty: () => boolean): ShellProgram {
  return (io) => {
    const [sub, ...rest] = io.argv.slice(1);
    if (sub === 'ps') return dockerPs(nodes, rest, io);
    if (sub === 'stop' || sub === 'start' || sub === 'restart') return dockerLifecycle(nodes, sub, rest, io);
    if (sub !== 'exec') {
      io.err(sub === undefined ? 'Usage:  docker [OPTIONS] COMMAND\n' : `docker: unknown command: docker ${sub}\n\nRun 'docker --help' for more information\n`);
      return sub === undefined ? 0 : 1;
    }
    let interactive = false;
    let terminal = false;
    let workdir: string | undefined;
    const env: Record<string, string> = {};
    let i = 0;
    for (; i < rest.length && rest[i].startsWith('-'); i++) {
      const a = rest[i];
      if (a === '-e' || a === '--env') {
        const [k, ...v] = (rest[++i] ?? '').split('=');
        env[k] = v.join('=');
      } else if (a === '-w' || a === '--workdir') workdir = rest[++i];
      else if (a === '-u' || a === '--user') i++;
      else if (a === '--interactive') interactive = true;
      else if (a === '--tty') terminal = true;
      else if (/^-[it]+$/.test(a)) {
        interactive ||= a.includes('i');
        terminal ||= a.includes('t');
      } else {
        io.err(`unknown shorthand flag: '${a.replace(/^-+/, '').charAt(0)}' in ${a}\nSee 'docker exec --help'.\n`);
        return 125;
      }
    }
    const [node, ...command] = rest.slice(i);
    if (!node || command.length === 0) {
      io.err(EXEC_USAGE);
      return 1;
    }
    if (!nodes.names().includes(node)) {
      io.err(`Error response from daemon: No such container: ${node}\n`);
      return 1;
    }
    const container = nodes.containers().find((c) => c.name === node);
    if (container && !container.running) {
      io.err(`Error response from daemon: container ${container.id} is not running\n`);
      return 1;
    }
    if (terminal && !tty()) {
      io.err('the input device is not a TTY\n');
      return 1;
    }
    // A shell given its script on stdin (`-i … bash <<EOF`) runs it as `bash -c`.
    const bin = command[0].split('/').pop()!;
    const argv = interactive && io.stdin && command.length === 1 && SHELLS.has(bin) ? [command[0], '-c', io.stdin] : command;
    const result = nodes.exec(node, argv, env, workdir);
    if ('notFound' in result) {
      io.err(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${result.notFound}": executable file not found in $PATH: unknown\n`);
      return 126;
    }
    for (const l of result.lines) (l.stream === 'stderr' ? io.err : io.out)(l.text + '\n');
    return result.code;
  };
}
