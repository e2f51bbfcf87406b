/**
 * One `exec` into a running container, as the kubelet and containerd serve it: the command runs
 * in the container's files, processes and network (./system.ts) from the moment of the request,
 * and its output reaches the client as virtual time passes (a timer marks its end, so a host
 * advancing time stops there). With a terminal and a shell (`kubectl exec -it web -- sh`), each
 * line typed runs in the container and the shell draws its prompt, until `exit` or end of input.
 */
import type { RemoteProcess, Streams } from '../../../kubectl/client';
import { statusError } from '../../api/errors';
import type { Clock } from '../../core/clock';
import { hash32 } from '../../core/rng';
import type { PodNetworkOf, PodSandbox, RunningContainer } from './sandbox';
import { execRuntime } from './system';
import { cdError, promptOf, SHELLS } from './prompt';
import { resolvePath } from '../../../shell/fs-map';

/** A command still running after a virtual hour is taken to run forever (`while true`). */
export const EXEC_HORIZON_MS = 3_600_000;

export interface ExecRequest {
  command: string[];
  /** Input is attached (`-i`); `streams.stdin` holds what was piped, if anything. */
  stdin: boolean;
  tty: boolean;
}

export function startExec(sandbox: PodSandbox, c: RunningContainer, req: ExecRequest, streams: Streams, clock: Clock, network: PodNetworkOf): RemoteProcess {
  const pid = c.pids.next;
  c.pids.next += 6;
  const shell = SHELLS.has(basename(req.command[0] ?? '')) && req.command.length === 1;
  const interactive = req.stdin && req.tty && shell && streams.stdin === undefined;
  // Piped input to a shell is its script.
  const argv = req.stdin && shell && streams.stdin !== undefined ? [req.command[0], '-c', streams.stdin] : req.command;
  const run = (command: string[], cwd?: string) => {
    const now = clock.now();
    const result = c.plan.exec(command, c.startedAt, now, EXEC_HORIZON_MS, { ...execRuntime(sandbox, c, network, () => now, req.command, pid), cwd });
    if (result.startError) {
      // containerd's exec id is random; a stable one keeps replays byte-identical.
      const id = hex64(`${c.containerID}/${pid}`);
      throw statusError('InternalError', `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": ${result.startError}`);
    }
    return result;
  };
  if (interactive) {
    run([req.command[0], '-c', ':']); // an image without this shell fails as containerd does
    return interactiveShell(c, sandbox, req, streams, run, clock);
  }

  const startedAt = clock.now();
  const result = run(argv);
  const lines = result.lines ?? [];
  let shown = 0;
  let code: number | undefined;
  const end = result.code === undefined ? undefined : startedAt + result.tookMs;
  let timer = end === undefined ? undefined : clock.at(end, () => {}, 'kubectl exec');
  const pump = () => {
    const now = clock.now();
    while (shown < lines.length && startedAt + lines[shown].at <= now) {
      const l = lines[shown++];
      (l.stream === 'stderr' && !req.tty ? streams.stderr : streams.stdout)(l.text + '\n');
    }
    if (end !== undefined && now >= end && code === undefined) code = result.code;
  };
  return {
    get exitCode() {
      pump();
      return code;
    },
    write() {},
    closeStdin() {},
    close() {
      if (timer !== undefined) clock.cancel(timer);
      timer = undefined;
    },
  };
}

/** A shell on a terminal: prompt, run each line, until `exit` or end of input. */
export function interactiveShell(c: RunningContainer, sandbox: PodSandbox, req: ExecRequest, streams: Streams, run: (argv: string[], cwd?: string) => { code?: number; lines?: { text: string }[] }, clock: Clock): RemoteProcess {
  const shell = req.command[0];
  const hostname = sandbox.pod.spec?.hostname ?? sandbox.pod.metadata?.name ?? '';
  let cwd = '/';
  const prompt = () => promptOf(basename(shell), c.image.binaries, hostname, cwd);
  // The shell's own `cd` changes where the next lines run (a whole line `cd DIR`).
  const cd = (arg: string | undefined): number => {
    const dir = resolvePath(cwd, arg ?? '/root');
    const st = c.files.view(clock.now()).stat(dir);
    if (typeof st !== 'string' && st.type === 'dir') {
      cwd = dir;
      return 0;
    }
    streams.stdout(cdError(basename(shell), c.image.binaries, arg ?? '/root', typeof st !== 'string') + '\n');
    return basename(shell) === 'bash' || !c.image.binaries.has('dash') ? 1 : 2;
  };
  let code: number | undefined;
  let last = 0;
  let pending = '';
  streams.stdout(prompt());
  const line = (text: string) => {
    const trimmed = text.trim();
    const exit = /^exit(?:\s+(\d+))?$/.exec(trimmed);
    if (exit) {
      code = exit[1] === undefined ? last : Number(exit[1]) & 255;
      if (basename(shell) === 'bash') streams.stdout('exit\n');
      return;
    }
    const change = /^cd(?:\s+(\S+))?$/.exec(trimmed);
    if (change) last = cd(change[1]);
    else if (trimmed) {
      const r = run([shell, '-c', text], cwd);
      for (const l of r.lines ?? []) streams.stdout(l.text + '\n');
      last = r.code ?? 130;
    }
    streams.stdout(prompt());
  };
  return {
    get exitCode() {
      return code;
    },
    write(text: string) {
      if (code !== undefined) return;
      pending += text;
      let i: number;
      while (code === undefined && (i = pending.indexOf('\n')) >= 0) {
        const l = pending.slice(0, i).replace(/\r$/, '');
        pending = pending.slice(i + 1);
        line(l);
      }
    },
    closeStdin() {
      if (code !== undefined) return;
      // Ctrl+D at the prompt: the shell exits with the last status (bash says `exit`).
      if (basename(shell) === 'bash') streams.stdout('exit\n');
      else streams.stdout('\n');
      code = last;
    },
    close() {
      code ??= last;
    },
  };
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function hex64(seed: string): string {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += (hash32(`${i}#${seed}#${i * 7919}`) >>> 0).toString(16).padStart(8, '0');
  return out.slice(0, 64);
}
