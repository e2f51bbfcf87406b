/**
 * `attach` to a running container, as the kubelet and containerd serve it: the client joins the
 * main process's own streams. A shell that reads its open stdin (`kubectl run -it … -- sh`) takes
 * what the terminal types as its input, line by line, and its `exit` ends the main process (the
 * container terminates; the restart policy rules). Any other process: the client sees what it
 * writes from now on, until it exits.
 */
import type { RemoteProcess, Streams } from '../../../kubectl/client';
import type { Clock } from '../../core/clock';
import { EXEC_HORIZON_MS, interactiveShell } from './session';
import type { PodNetworkOf, PodSandbox, RunningContainer } from './sandbox';
import { execRuntime } from './system';
import type { LiveProcess } from '../live-process';

export interface AttachRequest {
  stdin: boolean;
  tty: boolean;
}

export function startAttach(sandbox: PodSandbox, c: RunningContainer, req: AttachRequest, streams: Streams, clock: Clock, network: PodNetworkOf): RemoteProcess {
  if (c.plan.readsStdin && req.stdin) return streams.stdin !== undefined && !req.tty ? attachScript(sandbox, c, streams.stdin, streams, clock, network) : attachShell(sandbox, c, streams, clock, network);
  return attachOutput(sandbox, c, streams, clock);
}

/** Input piped to the main shell (`kubectl run -i … -- sh <<EOF`): its script; its end ends the shell. */
function attachScript(sandbox: PodSandbox, c: RunningContainer, script: string, streams: Streams, clock: Clock, network: PodNetworkOf): RemoteProcess {
  const startedAt = clock.now();
  const result = runner(sandbox, c, clock, network)([mainArgv(c)[0], '-c', script]);
  const lines = result.lines ?? [];
  const code = result.code ?? 0;
  // The shell reads the script, then its end of input, and exits: the container with it.
  clock.at(startedAt + (result.code === undefined ? EXEC_HORIZON_MS : result.tookMs), () => c.exitMain(code), 'kubectl attach');
  let shown = 0;
  const pump = () => {
    while (shown < lines.length && startedAt + lines[shown].at <= clock.now()) {
      const l = lines[shown++];
      (l.stream === 'stderr' ? streams.stderr : streams.stdout)(l.text + '\n');
    }
  };
  return {
    get exitCode() {
      pump();
      return sandbox.running().includes(c) ? undefined : code;
    },
    write() {},
    closeStdin() {},
    close() {},
  };
}

/** Runs a command line in the container as the main shell's child. */
function runner(sandbox: PodSandbox, c: RunningContainer, clock: Clock, network: PodNetworkOf) {
  return (command: string[], cwd?: string) => {
    const now = clock.now();
    const pid = c.pids.next;
    c.pids.next += 6;
    return c.plan.exec(command, c.startedAt, now, EXEC_HORIZON_MS, { ...execRuntime(sandbox, c, network, () => now, command, pid), cwd });
  };
}

/** The main shell, driven by the terminal: each line runs in the container as PID 1's child would. */
function attachShell(sandbox: PodSandbox, c: RunningContainer, streams: Streams, clock: Clock, network: PodNetworkOf): RemoteProcess {
  const argv = mainArgv(c);
  const run = runner(sandbox, c, clock, network);
  const shell = interactiveShell(c, sandbox, { command: argv, stdin: true, tty: true }, streams, run, clock);
  let told = false;
  // Its `exit` ends the main process: the container exits (the kubelet sees it at this instant)
  // and the stream closes.
  const settle = () => {
    const code = shell.exitCode;
    if (code !== undefined && !told) {
      told = true;
      c.exitMain(code);
    }
    return code;
  };
  // While the terminal is attached, a timer each second: a host driving time looks at the
  // keyboard again at least that often (as a person types), not only at the next cluster event.
  let tick: number | undefined;
  const keepTicking = () => {
    if (tick === undefined && !told) tick = clock.after(1000, () => (tick = undefined), 'kubectl attach');
  };
  return {
    get exitCode() {
      const code = settle();
      if (code !== undefined) return code;
      // The container went away under the session (deleted, killed): the stream ends.
      if (!sandbox.running().includes(c)) return 0;
      keepTicking();
      return undefined;
    },
    write(text) {
      shell.write(text);
      settle();
    },
    closeStdin() {
      shell.closeStdin();
      settle();
    },
    // The client hangs up: the shell goes on waiting for the next attach.
    close() {},
  };
}

/**
 * A main process on the cluster's clock (../live-process.ts), attached: its stream as it comes,
 * text without a newline too (a load generator's `OK!OK!OK!`), from the moment of the attach.
 */
function attachLive(sandbox: PodSandbox, c: RunningContainer, live: LiveProcess, streams: Streams, clock: Clock): RemoteProcess {
  const start = live.output(clock.now());
  // Lines written so far, and how much of the unfinished one the terminal has shown.
  let written = start.total;
  let shownOfPending = start.pending.length;
  return oneWay(() => {
    const out = live.output(clock.now());
    const fresh = out.lines.slice(Math.max(0, out.lines.length - (out.total - written)));
    for (const l of fresh) {
      if (l.stderr) {
        streams.stderr(l.text + '\n');
        continue;
      }
      streams.stdout(l.text.slice(shownOfPending) + (l.partial ? '' : '\n'));
      shownOfPending = 0;
    }
    written = out.total;
    if (out.pending.length > shownOfPending) streams.stdout(out.pending.slice(shownOfPending));
    shownOfPending = out.pending.length;
    return !sandbox.running().includes(c);
  });
}

/** What the main process writes from the moment of the attach, until it exits. */
function attachOutput(sandbox: PodSandbox, c: RunningContainer, streams: Streams, clock: Clock): RemoteProcess {
  if (c.plan.live) return attachLive(sandbox, c, c.plan.live, streams, clock);
  const from = clock.now();
  // What it wrote up to the attach is not sent again (`kubectl logs` has it): kubectl attaches
  // once it has seen the pod run, after the process's first words (hence "If you don't see a
  // command prompt, try pressing enter.").
  let shown = c.plan.lines(c.startedAt, from).length;
  const end = c.plan.exitAfterMs === undefined ? undefined : c.startedAt + c.plan.exitAfterMs;
  // A timer at the exit, so that a host advancing time stops there.
  if (end !== undefined && end > from) clock.at(end, () => {}, 'kubectl attach');
  return oneWay(() => {
    const now = clock.now();
    const lines = c.plan.lines(c.startedAt, now);
    while (shown < lines.length) streams.stdout(lines[shown++].text + '\n');
    return (end !== undefined && now >= end) || !sandbox.running().includes(c);
  });
}

/** A stream from the container only: `pump` sends what is new and says whether the process has ended. */
function oneWay(pump: () => boolean): RemoteProcess {
  let done = false;
  return {
    get exitCode() {
      if (!done) done = pump();
      return done ? 0 : undefined;
    },
    write() {},
    closeStdin() {},
    close() {
      done = true;
    },
  };
}

/** The main process's argv (the shell it is). */
function mainArgv(c: RunningContainer): string[] {
  const command = c.spec.command?.length ? [...c.spec.command, ...(c.spec.args ?? [])] : [...c.image.entrypoint, ...(c.spec.args ?? c.image.cmd)];
  return command.length ? [command[0]] : ['sh'];
}
