/**
 * A main process that talks to the network runs on the cluster's clock. Other main processes are
 * replayed on demand (container-process.ts), which is right for a process whose every step follows
 * from its start; a client's `wget` instead asks the cluster, and the cluster changes. So the
 * kubelet wakes this one at the end of each of its waits and it goes on from there: what it asks
 * is asked at that instant (kube-proxy's pick, the app's answer, a TrafficEvent then), and what it
 * prints and writes is kept as it goes — its log is its own output, its writes go to the
 * container's journal (it is the container's Writer: a read of its files brings it up to date).
 */
import type { ContainerSystem } from '../../shell/container-system';
import { startProcess, type ProcessContext, type ProcessRun } from '../../shell/evaluate';
import type { ShellProgram } from '../../shell/interpreter';
import { RUNTIME_PROGRAMS } from '../../shell/programs/runtime';
import type { ContainerFiles, Writer } from '../fs/pod-files';
import type { LogLine } from './logs';
import type { PodSandbox } from './exec/sandbox';
import type { NodeRuntime } from './runtime';

/** What a main process may ask of the world while it runs: the pod's network and the cluster's clock. */
export interface ProcessWorld {
  /** When the container started (virtual ms). */
  startedAt: number;
  now(): number;
  /** The network from the pod, as a long-running process sees it (`now`: the process's own instant). */
  network(now: () => number): Partial<ContainerSystem>;
}

/** What a main process of the pod in `sandbox`, started at `startedAt`, may talk to (none before the cluster has a network). */
export function podWorld(rt: Pick<NodeRuntime, 'podNetwork' | 'clock'>, sandbox: PodSandbox, startedAt: number): ProcessWorld | undefined {
  const network = rt.podNetwork;
  if (!network) return undefined;
  return { startedAt, now: () => rt.clock.now(), network: (now) => network(sandbox, now, true) };
}

/** The programs that reach the network; a process that names none of them never needs the clock. */
const NETWORK_PROGRAMS = ['wget', 'curl', 'nc', 'nslookup'];
const NAMES_ONE = new RegExp(`(^|[^\\w.-])(${NETWORK_PROGRAMS.join('|')})($|[^\\w.-])`);

export function usesNetwork(argv: readonly string[]): boolean {
  return argv.some((a) => NAMES_ONE.test(a));
}

/** The programs a main process finds beyond its image's text tools: the network ones and `hostname`. */
const PROGRAMS: ReadonlyMap<string, ShellProgram> = new Map([...RUNTIME_PROGRAMS].filter(([name]) => name === 'hostname' || NETWORK_PROGRAMS.includes(name)));

/** Where a live process stands: its exit, or the offset at which it next goes on (undefined: nothing the clock brings wakes it). */
export type LiveState = { exit: { at: number; code: number } } | { exit?: undefined; nextAt: number | undefined };

export class LiveProcess implements Writer {
  private readonly run: ProcessRun;
  private reached = -1;
  private state: LiveState = { nextAt: 0 };
  private advancing = false;

  /** `own`: the image's own network program, when it is the process (kuard's memq worker). */
  constructor(argv: string[], ctx: ProcessContext, files: ContainerFiles, private readonly world: ProcessWorld, own?: ReadonlyMap<string, ShellProgram>) {
    const startedAt = world.startedAt;
    const now = () => startedAt + this.run.at;
    const sys = { ...ctx.sys, ...world.network(now), now, hostname: ctx.hostname };
    const onWrite: ProcessContext['onWrite'] = (path, content, at, previous) => files.record(path, content, startedAt + at, previous);
    this.run = startProcess(argv, { ...ctx, startedAt, programs: own ? new Map([...PROGRAMS, ...own]) : PROGRAMS, sys, onWrite }, { maxLines: 10_000, maxSteps: 2_000_000 });
  }

  /** Runs it on to `untilAbs`, never past the cluster's now (what it asks is asked then). */
  extend(untilAbs: number): LiveState {
    const until = Math.min(untilAbs, this.world.now()) - this.world.startedAt;
    // A read of its files while it runs (its own `cat`) must not run it again.
    if (this.advancing || until <= this.reached || this.state.exit) return this.state;
    this.advancing = true;
    try {
      this.state = this.run.advance(until);
      this.reached = until;
    } finally {
      this.advancing = false;
    }
    return this.state;
  }

  /** What it printed up to `untilAbs` (stdout and stderr, as the log has them). */
  lines(untilAbs: number): LogLine[] {
    return this.output(untilAbs).lines.map(({ stderr: _stream, ...l }) => l);
  }

  /**
   * Its output stream up to `untilAbs`, for a terminal attached to it: the latest lines, how many
   * lines it has written in all (so a reader knows which are new), and the text after the last newline.
   */
  output(untilAbs: number): { lines: Array<LogLine & { stderr?: true }>; total: number; pending: string } {
    this.extend(untilAbs);
    const startedAt = this.world.startedAt;
    const lines: Array<LogLine & { stderr?: true }> = [];
    let total = this.run.emitted;
    for (const l of this.run.lines) {
      if (startedAt + l.at > untilAbs) total--;
      else lines.push({ at: startedAt + l.at, text: l.text, ...(l.partial ? { partial: true as const } : {}), ...(l.stream === 'stderr' ? { stderr: true as const } : {}) });
    }
    return { lines, total, pending: this.run.at + startedAt <= untilAbs ? this.run.pending : '' };
  }
}

/**
 * Keeps `live` going on the cluster's clock: a timer at the end of each of its waits, until it
 * exits (then `exited` tells the kubelet) or its container stops running it (`running` false).
 */
export function keepLive(live: LiveProcess, world: ProcessWorld, at: (abs: number, fn: () => void) => void, running: () => boolean, exited: (code: number) => void): void {
  const wake = () => {
    if (!running()) return;
    const s = live.extend(world.now());
    if (s.exit) exited(s.exit.code);
    else if (s.nextAt !== undefined) at(world.startedAt + s.nextAt, wake);
  };
  wake();
}
