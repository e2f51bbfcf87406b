/**
 * The learner's host shell: bash as the terminal and the headless runner run it. One `Shell`
 * lives as long as the session (variables, aliases, the directory and scratch files carry over
 * from line to line); each line is a generator of waits that the session (virtual time, frame by
 * frame) or the runner (all at once) drives, exactly as a kubectl program.
 *
 * Programs: kubectl (and `k`, a preset alias as in the exams), watch, sleep, clear, curl (the
 * host's network: NodePorts, LoadBalancer IPs, port-forwards), the text
 * tools of the programs registry, and the inline ones (cat of the workspace files, sort, seq…).
 */
import type { TerminalInput, Workspace } from '../../kubectl/types';
import { Budget, Exit, LoopControl, Shell, type ShellProgram, type ShellRun } from '../interpreter';
import { INLINE_PROGRAMS } from '../inline-programs';
import { JobTable } from '../jobs';
import { parseBashLine, parseScript, ShellSyntaxError } from '../parse';
import { HOME, WorkspaceFs, workspaceOf } from './workspace-fs';
import { watch } from './watch';
import { hostSleep, clear } from './host-programs';
import { hostPrograms } from './registry';
import { curl } from '../programs/curl';
import type { ContainerSystem } from '../container-system';
import { docker, type KindNodes } from './docker';

export type { TerminalInput };

export interface KubectlStart {
  stdin?: string;
  workspace: Workspace;
  out(text: string): void;
  err(text: string): void;
  terminal?: TerminalInput;
}

export interface HostDeps {
  /** kubectl with the arguments after `kubectl`; its waits pass through the shell. */
  kubectl(argv: string[], io: KubectlStart): ShellRun<number>;
  /** The learner's files as they are now. */
  workspace(): Workspace;
  now(): number;
  /** Text tools by name; by default the registry's GNU userland (registry.ts). */
  programs?: ReadonlyMap<string, ShellProgram>;
  /** A terminal shows the output (watch clears the screen); false for the headless runner. */
  tty: boolean;
  /** The learner's machine's network (curl): src/sim/network/host. Absent: no network. */
  network?: Partial<ContainerSystem>;
  /** kind's node containers (`docker exec kind-worker …`). Absent: no docker. */
  nodes?: KindNodes;
}

export interface LineIO {
  write(text: string, stream: 'stdout' | 'stderr'): void;
  /** The line's stdin (a transcript's heredoc); otherwise the terminal. */
  stdin?: string;
  terminal?: TerminalInput;
  /** The terminal's width (80 if unknown): `$COLUMNS`, watch's header. */
  columns?: number;
}

/** The host's name in `watch`'s header and `hostname`. */
export const HOST_NAME = 'kubeplay';

/** Commands in a row a line may run without waiting for virtual time (an endless loop stops there). */
export const HOST_STEPS_PER_WAIT = 10_000;

/** The host's word (not bash's) when a line is stopped: dim on a terminal. */
export const LOOP_STOPPED_NOTICE = `Stopped: this line ran ${HOST_STEPS_PER_WAIT.toLocaleString('en-US')} commands without waiting for virtual time (a loop that never ends?).`;

export class HostShell {
  readonly history: string[] = [];
  private readonly shell: Shell;
  private io: LineIO = { write: () => undefined };
  /** Lines' background jobs (`kubectl port-forward … &`). */
  private readonly jobs: JobTable;

  constructor(private readonly deps: HostDeps) {
    const fs = new WorkspaceFs(() => deps.workspace(), () => deps.now());
    const kubectlWorkspace = workspaceOf(fs, () => this.shell.cwd);
    const programs = deps.programs ?? hostPrograms();
    const host = new Map<string, ShellProgram>([
      ['kubectl', (io) => this.kubectl(io.argv.slice(1), io.stdin, io.out, io.err, kubectlWorkspace)],
      ['watch', watch({ capture: (line) => this.capture(line), tty: deps.tty, columns: () => this.io.columns ?? 80 })],
      ['sleep', hostSleep],
      ['clear', clear],
      ['curl', curl],
    ]);
    if (deps.nodes) host.set('docker', docker(deps.nodes, () => deps.tty));
    this.jobs = new JobTable(() => deps.now());
    this.shell = new Shell({
      flavor: 'bash',
      shellName: 'bash',
      userland: 'gnu',
      fs,
      cwd: HOME,
      sys: { ...deps.network, now: () => deps.now(), hostname: HOST_NAME },
      env: { HOME, PATH: '/usr/local/bin:/usr/bin:/bin', SHELL: '/bin/bash', USER: 'learner', PWD: HOME, TERM: 'xterm-256color' },
      lookup: (name) => host.get(name) ?? programs.get(name) ?? (['sh', 'bash'].includes(name) ? () => 0 : INLINE_PROGRAMS.get(name)),
      write: (text, stream) => this.io.write(text, stream),
      maxSteps: HOST_STEPS_PER_WAIT,
      stepsPerWait: true,
      interactive: true,
      history: () => this.history,
      terminal: { read: () => this.io.terminal?.read() },
      jobs: this.jobs,
    });
    this.shell.aliases.set('k', 'kubectl');
  }

  get cwd(): string {
    return this.shell.cwd;
  }

  /** Runs one line as bash would; returns its exit status (also `$?` for the next line). */
  *runLine(line: string, io: LineIO): ShellRun<number> {
    this.io = io;
    this.shell.vars.set('COLUMNS', String(io.columns ?? 80));
    if (line.trim() !== '') this.history.push(line);
    this.jobs.beginLine();
    this.jobs.poll();
    let status: number;
    try {
      const list = parseBashLine(line);
      status = yield* this.shell.run(list, io.stdin);
    } catch (e) {
      status = this.failed(e);
    }
    this.shell.status = status;
    // bash tells of the jobs that ended before it shows the next prompt.
    this.jobs.poll();
    const notices = this.jobs.notices();
    if (notices) io.write(notices, 'stderr');
    return status;
  }

  private failed(e: unknown): number {
    if (e instanceof ShellSyntaxError) {
      this.io.write(`bash: ${syntaxMessage(e)}\n`, 'stderr');
      return 2;
    }
    // `exit` would close a real terminal; here the line ends with its status.
    if (e instanceof Exit) return e.code & 255;
    if (e instanceof LoopControl) return 0;
    if (e instanceof Budget) {
      this.io.write(this.deps.tty ? `\x1b[2m${LOOP_STOPPED_NOTICE}\x1b[22m\n` : `${LOOP_STOPPED_NOTICE}\n`, 'stderr');
      return 130;
    }
    throw e;
  }

  private *capture(line: string): ShellRun<string> {
    try {
      return yield* this.shell.capture(parseScript(line));
    } catch (e) {
      if (e instanceof ShellSyntaxError) return `sh: 1: Syntax error: ${e.token ? `"${e.token}" unexpected` : 'end of file unexpected'}\n`;
      throw e;
    }
  }

  private *kubectl(argv: string[], stdin: string, out: (t: string) => void, err: (t: string) => void, workspace: Workspace): ShellRun<number> {
    const terminal = this.shell.stdinIsTerminal ? this.io.terminal : undefined;
    try {
      return yield* this.deps.kubectl(argv, { stdin, workspace, out, err, ...(terminal ? { terminal } : {}) });
    } catch (e) {
      err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
}

/** bash's words: `syntax error near unexpected token `fi'`, or an open quote's own message. */
export function syntaxMessage(e: ShellSyntaxError): string {
  if (e.token !== undefined) return `syntax error near unexpected token \`${e.token}'`;
  if (e.endOfInput) return 'syntax error: unexpected end of file';
  return e.message;
}
