/**
 * `docker ps`, `docker stop|start|restart` on the learner's machine, where kind's nodes are the
 * containers: the docker CLI's table (tabwriter, 3 spaces between columns), durations in
 * go-units' HumanDuration, and the daemon's refusals.
 */
import type { ProgramIO } from '../program';

/** One node container as `docker ps` shows it. */
export interface NodeContainerInfo {
  /** The full 64-hex id (docker ps shows its first 12). */
  id: string;
  name: string;
  image: string;
  command: string;
  createdAt: number;
  running: boolean;
  /** When it last started (running) or exited (stopped). */
  since: number;
  exitCode: number;
  ports: string;
}

export interface NodeContainerControl {
  containers(): NodeContainerInfo[];
  stop(name: string): void;
  start(name: string): void;
  restart(name: string): void;
  now(): number;
}

/** go-units HumanDuration, as docker prints CREATED and STATUS. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(seconds / 3600 / 24 / 365)} years`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] + 3))).join('').trimEnd() + '\n').join('');
}

export function dockerPs(nodes: NodeContainerControl, args: string[], io: ProgramIO): number {
  let all = false;
  let quiet = false;
  for (const a of args) {
    if (a === '--all') all = true;
    else if (a === '--quiet') quiet = true;
    else if (/^-[aq]+$/.test(a)) {
      all ||= a.includes('a');
      quiet ||= a.includes('q');
    } else if (a.startsWith('-')) {
      io.err(a.startsWith('--') ? `unknown flag: ${a.split('=')[0]}\nSee 'docker ps --help'.\n` : `unknown shorthand flag: '${a.replace(/^-+/, '').replace(/[aq]/g, '').charAt(0)}' in ${a}\nSee 'docker ps --help'.\n`);
      return 125;
    } else {
      io.err(`"docker ps" accepts no arguments.\nSee 'docker ps --help'.\n\nUsage:  docker ps [OPTIONS]\n\nList containers\n`);
      return 1;
    }
  }
  const now = nodes.now();
  const shown = nodes.containers().filter((c) => all || c.running);
  if (quiet) {
    for (const c of shown) io.out(c.id.slice(0, 12) + '\n');
    return 0;
  }
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
  for (const c of shown) {
    const status = c.running ? `Up ${humanDuration(now - c.since)}` : `Exited (${c.exitCode}) ${humanDuration(now - c.since)} ago`;
    rows.push([c.id.slice(0, 12), c.image, c.command, `${humanDuration(now - c.createdAt)} ago`, status, c.running ? c.ports : '', c.name]);
  }
  io.out(table(rows));
  return 0;
}

/** `docker stop|start|restart NAME…`: each name echoed once done; a missing one is the daemon's error. */
export function dockerLifecycle(nodes: NodeContainerControl, verb: 'stop' | 'start' | 'restart', args: string[], io: ProgramIO): number {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    io.err(`docker: 'docker ${verb}' requires at least 1 argument\n\nUsage:  docker ${verb} [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker ${verb} --help' for more information\n`);
    return 1;
  }
  const known = new Set(nodes.containers().map((c) => c.name));
  const failed: string[] = [];
  for (const name of names) {
    if (!known.has(name)) {
      io.err(`Error response from daemon: No such container: ${name}\n`);
      failed.push(name);
      continue;
    }
    nodes[verb](name);
    io.out(name + '\n');
  }
  if (failed.length && verb === 'start') io.err(`Error: failed to start containers: ${failed.join(', ')}\n`);
  return failed.length ? 1 : 0;
}
