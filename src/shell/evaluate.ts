/**
 * The container driver of the shell (interpreter.ts): runs a container's process in virtual
 * time, a shell script (`sh -c "…"`) or a single exec-form command. Only `sleep` takes time:
 * each wait the evaluator yields moves the process's own clock at once. The result is a
 * timeline: output lines with their offsets from the start, and the exit (code and offset) — or
 * none if it runs forever. The evaluator is pure and deterministic, so logs are re-derived on
 * demand by running it again up to "now" instead of being stored line by line.
 */
import { evalArith, formatDate } from './helpers';
import { Budget, Endless, Exit, LoopControl, Shell, type ShellFlavor, type ShellProgram, type ShellRun, type ShellWait } from './interpreter';
import { INLINE_PROGRAMS, QUIET } from './inline-programs';
import { MemoryFs } from './memory-fs';
import { liveMountsFs, type LiveMounts } from './live-mounts-fs';
import { SHELL_NAMES } from './builtins';
import { parseCached, ShellSyntaxError } from './parse';
import type { ShellFs, System } from './program';
import { programsFor } from './programs';
import { watchedFs } from './watched-fs';

export { evalArith, formatDate };
export type { ShellFlavor };

export interface ProcessContext {
  /** Environment variables of the container (already resolved). */
  env: Record<string, string>;
  /** Virtual time (ms since epoch) the process started: `date` reads it. */
  startedAt: number;
  /** Executables on the image's PATH (basenames). */
  binaries: ReadonlySet<string>;
  flavor: ShellFlavor;
  hostname: string;
  /** Files the process finds at start (what earlier processes of the container left). */
  files?: ReadonlyMap<string, string>;
  /** The container's file system; without it, a scratch one holding `files`. */
  fs?: ShellFs;
  /** Programs beyond the image's userland (by basename): what `kubectl exec` adds (ps, kill, wget…). */
  programs?: ReadonlyMap<string, ShellProgram>;
  /** Where relative paths start (an interactive session's `cd`); `/` when unset. */
  cwd?: string;
  /** Each change the process makes to its files, at its offset (the kubelet journals a main process's). */
  onWrite?: (path: string, content: string | undefined, atMs: number, previous: string | undefined) => void;
  /** The world its programs see (network, processes); time is always the process's own. */
  sys?: System;
  /** The version of the image's busybox, when that is its userland (applets that changed read it). */
  busybox?: string;
  /** Read-only volumes read as they are at each moment (./live-mounts-fs.ts); not with `fs`. */
  live?: LiveMounts;
}

export interface OutputLine {
  /** ms since the process started. */
  at: number;
  text: string;
  stream: 'stdout' | 'stderr';
  /** Cut at the runtime's 16 KiB line buffer before its newline (containerd's `P` record): the text goes on in the next line. */
  partial?: true;
}

/** containerd cuts a log line this long into partial records (max_container_log_line_size). */
export const LOG_LINE_MAX = 16 * 1024;

export interface Timeline {
  lines: OutputLine[];
  /** Set when the process exits at or before the horizon. */
  exit?: { at: number; code: number };
  /** True when output was cut (line or step budget): the process is busy forever. */
  truncated: boolean;
  /** The files as the process left them at its exit or the horizon. */
  files: ReadonlyMap<string, string>;
}

export interface RunOptions {
  /** Stop at this offset (ms); Infinity = until exit. */
  untilMs?: number;
  /** Keep only the last N lines. */
  maxLines?: number;
  maxSteps?: number;
}


/** Runs `argv` (command + args as the container runtime would exec it). */
export function runProcess(argv: string[], ctx: ProcessContext, opts: RunOptions = {}): Timeline {
  const until = opts.untilMs ?? Infinity;
  // Only a run to the end needs to know that a loop never ends: it then stops evaluating it.
  const run = startProcess(argv, ctx, { ...opts, stopOnEndlessLoop: until === Infinity });
  run.advance(until);
  return run.finish();
}

/**
 * A process run step by step on a clock of its own: a host that owns the clock (the kubelet,
 * for a main process that talks to the network) advances it to each moment in turn, and what
 * its programs ask the world is asked at that moment.
 */
export interface ProcessRun {
  /**
   * Runs on until it exits or its next wait would end after `untilMs` (offset from the start).
   * Returns the exit once reached; else when its current wait ends (undefined: never, or the
   * process is stuck busy: see `Timeline.truncated`).
   */
  advance(untilMs: number): { exit: { at: number; code: number } } | { exit?: undefined; nextAt: number | undefined };
  /** The output so far (the last `maxLines` of it, and more), with offsets from the start. */
  readonly lines: readonly OutputLine[];
  /** Where its own clock is (ms since its start). */
  readonly at: number;
  /** How many lines it has written in all (`lines` keeps only the latest). */
  readonly emitted: number;
  /** What it has written to stdout since its last newline (not a line yet: an attached terminal sees it). */
  readonly pending: string;
  /** Ends the run where it is (redirections flush) and gives its timeline. */
  finish(): Timeline;
}

export function startProcess(argv: string[], ctx: ProcessContext, opts: Omit<RunOptions, 'untilMs'> & { stopOnEndlessLoop?: boolean } = {}): ProcessRun {
  const maxLines = opts.maxLines ?? 10_000;
  let t = 0;
  const own = ctx.fs ?? (ctx.onWrite ? watchedFs(scratchFs(ctx.files), (path, content, previous) => ctx.onWrite!(path, content, t, previous)) : scratchFs(ctx.files));
  const fs = ctx.live && !ctx.fs ? liveMountsFs(own, ctx.live, () => ctx.startedAt + t) : own;
  const userland = ctx.flavor === 'busybox' ? 'busybox' : 'gnu';
  const registry = programsFor(userland);
  let lines: OutputLine[] = [];
  let emitted = 0;
  let partial = '';
  const emit = (text: string, stream: OutputLine['stream'], cut = false) => {
    lines.push(cut ? { at: t, text, stream, partial: true } : { at: t, text, stream });
    emitted++;
    if (lines.length > maxLines * 2) lines = lines.slice(-maxLines);
  };
  const write = (text: string, stream: OutputLine['stream']) => {
    if (stream === 'stderr') {
      for (const l of text.replace(/\n$/, '').split('\n')) emit(l, 'stderr');
      return;
    }
    const parts = (partial + text).split('\n');
    partial = parts.pop()!;
    for (const p of parts) emit(p, 'stdout');
    for (; partial.length >= LOG_LINE_MAX; partial = partial.slice(LOG_LINE_MAX)) emit(partial.slice(0, LOG_LINE_MAX), 'stdout', true);
  };
  const bin = basename(argv[0] ?? '');
  const flavor: ShellFlavor = SHELL_NAMES.has(bin) && argv[1] === '-c' ? (bin === 'bash' ? 'bash' : ctx.flavor === 'bash' ? 'dash' : ctx.flavor) : ctx.flavor;
  const shell = new Shell({
    flavor,
    shellName: bin,
    userland,
    fs,
    cwd: ctx.cwd ?? '/',
    sys: { ...ctx.sys, now: () => ctx.startedAt + t, hostname: ctx.sys?.hostname ?? ctx.hostname, busybox: ctx.busybox },
    env: ctx.env,
    lookup: (name) => {
      const base = basename(name);
      if (!ctx.binaries.has(base) && !SHELL_NAMES.has(base)) return undefined;
      // The image's userland (src/shell/programs), then what only the shell can do (`sleep`).
      return ctx.programs?.get(base) ?? registry.get(base) ?? INLINE_PROGRAMS.get(base) ?? QUIET;
    },
    write,
    maxSteps: opts.maxSteps ?? 1_000_000,
  });
  if (!shell.vars.has('HOSTNAME')) shell.vars.set('HOSTNAME', ctx.hostname);
  shell.vars.set('$', '1');
  shell.stopOnEndlessLoop = opts.stopOnEndlessLoop ?? false;

  const program = main(shell, argv, bin);
  let step: IteratorResult<ShellWait, number> | undefined;
  let ended: { exit?: { at: number; code: number }; truncated: boolean } | undefined;
  let horizon = 0;
  const end = (exit: { at: number; code: number } | undefined, truncated = false) => {
    ended = { ...(exit ? { exit } : {}), truncated };
    if (partial) emit(partial, 'stdout');
    partial = '';
  };
  const pending = (): number | undefined => (ended || !step || step.done || !Number.isFinite(step.value.timeoutMs) ? undefined : t + step.value.timeoutMs);

  return {
    advance(untilMs) {
      horizon = Math.max(horizon, untilMs);
      try {
        step ??= program.next();
        while (!ended && !step.done) {
          const ms = step.value.timeoutMs;
          if (!Number.isFinite(ms) || t + ms > untilMs) break;
          t += ms;
          step = program.next(step.value.until());
        }
        if (!ended && step.done) end({ at: t, code: step.value & 255 });
      } catch (e) {
        if (e instanceof Exit) end({ at: t, code: e.code & 255 });
        else if (e instanceof Endless || e instanceof LoopControl) end(undefined);
        else if (e instanceof Budget) end(undefined, true);
        else throw e;
      }
      return ended?.exit ? { exit: ended.exit } : { nextAt: pending() };
    },
    get lines() {
      return lines;
    },
    get at() {
      return t;
    },
    get emitted() {
      return emitted;
    },
    get pending() {
      return partial;
    },
    finish() {
      if (!ended) {
        if (Number.isFinite(horizon)) t = horizon;
        // Let redirections write what their commands printed so far (`finally` blocks).
        program.return(0);
        end(undefined);
      }
      return { lines, ...(ended!.exit ? { exit: ended!.exit } : {}), truncated: ended!.truncated, get files() { return fileMap(fs); } };
    },
  };
}

function* main(shell: Shell, argv: string[], bin: string): ShellRun<number> {
  if (SHELL_NAMES.has(bin) && argv[1] === '-c') {
    shell.vars.set('0', argv[3] ?? bin);
    shell.positional = argv.slice(4);
    argv.slice(4).forEach((a, i) => shell.vars.set(String(i + 1), a));
    let script;
    try {
      script = parseCached(argv[2] ?? '');
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      shell.complain(`syntax error: ${e.message}`);
      return 2;
    }
    return yield* shell.run(script);
  }
  if (SHELL_NAMES.has(bin) && argv.length === 1) return 0; // no stdin: exits at once
  return yield* shell.exec(argv);
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * A container with no file system of its own: what it writes anywhere lands (parents made as
 * needed). Made on first use: most processes never touch a file.
 */
function scratchFs(files: ReadonlyMap<string, string> | undefined): ShellFs {
  let made: MemoryFs | undefined;
  const fs = () => {
    if (!made) {
      made = new MemoryFs(files ?? []);
      made.mkdir('/tmp', true);
    }
    return made;
  };
  return {
    stat: (p) => fs().stat(p),
    read: (p) => fs().read(p),
    list: (p) => (made || files?.size ? fs().list(p) : p === '/' ? ['tmp'] : p === '/tmp' ? [] : 'ENOENT'),
    remove: (p, r) => fs().remove(p, r),
    mkdir: (p, parents) => fs().mkdir(p, parents),
    write: (p, content, append) => {
      fs().mkdir(p.slice(0, p.lastIndexOf('/')) || '/', true);
      return fs().write(p, content, append);
    },
  };
}

/** Every file under `/`, path → content. */
function fileMap(fs: ShellFs): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    const names = fs.list(dir);
    if (typeof names === 'string') return;
    for (const n of names) {
      const p = dir === '/' ? `/${n}` : `${dir}/${n}`;
      const st = fs.stat(p);
      if (typeof st === 'string') continue;
      if (st.type === 'dir') walk(p);
      else {
        const content = fs.read(p);
        if (typeof content === 'string') files.set(p, content);
      }
    }
  };
  walk('/');
  return files;
}
