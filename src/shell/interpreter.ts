/**
 * The shell's core: one POSIX-sh subset, evaluated as a generator so that it runs in two places.
 * Whatever takes time (`sleep`, a kubectl command waiting for the cluster) is a `ShellWait` the
 * evaluator yields; the driver answers whether its condition held. The container driver
 * (evaluate.ts) answers at once by moving its own timeline; the host driver (host/) lets the
 * session or the headless runner move virtual time.
 *
 * Builtins live here (builtins.ts); everything else is a `ShellProgram` the driver's `lookup`
 * finds: the programs registry, the container's inline programs, the host's kubectl and watch.
 */
import type { FileStat, FsError, ProgramIO, ShellFs, System, Userland } from './program';
import { normalize } from './memory-fs';
import { fields, hasSubst } from './expansion';
import { braceExpand } from './braces';
import { parseCached, parseScript, type Command, type List, type Redirect, type Word } from './parse';
import { mayWait, runBuiltin, runBuiltinNow } from './builtins';
import type { JobTable } from './jobs';
import { fsMessage, isFsError } from './fs-errors';
import { endless } from './loop-analysis';
import { Call } from './program-call';

export { fsMessage, isFsError };

/** The shape of kubectl's `Wait`: the driver advances virtual time until `until()` or the timeout. */
export interface ShellWait {
  until: () => boolean;
  timeoutMs: number;
  unattendedMs?: number;
  pollMs?: number;
}

/** Yields waits, is told whether each held, returns a value (an exit status for programs). */
export type ShellRun<T = number> = Generator<ShellWait, T, boolean>;

/** A program the shell runs: a plain `Program`, or one that waits (sleep, kubectl, watch). */
export type ShellProgram = (io: ProgramIO) => number | ShellRun<number>;

export type ShellFlavor = 'busybox' | 'dash' | 'bash';

export interface ShellConfig {
  flavor: ShellFlavor;
  /** `$0` and the prefix of the shell's own messages (`sh`, `bash`). */
  shellName: string;
  userland: Userland;
  fs: ShellFs;
  cwd: string;
  sys: System;
  env: ReadonlyMap<string, string> | Record<string, string>;
  /** The program a command name runs, or undefined when there is none on PATH. */
  lookup: (name: string) => ShellProgram | undefined;
  /** Where output goes when nothing redirects it. */
  write: (text: string, stream: 'stdout' | 'stderr') => void;
  /** Commands allowed in total (containers), or between two waits (host: a loop that never waits). */
  maxSteps: number;
  stepsPerWait?: boolean;
  /** Interactive host shell: aliases expand, `history` exists. */
  interactive?: boolean;
  /** The host shell's history (oldest first), for `history`. */
  history?: () => readonly string[];
  /** Typed input for `read` when stdin is the terminal (host). */
  terminal?: { read(): string | undefined };
  /** Background jobs (`cmd &`): the host shell's; elsewhere `&` runs the command in its turn. */
  jobs?: JobTable;
}

/** Thrown by `exit`; the drivers end the process with its code. */
export class Exit { constructor(readonly code: number) {} }
/** `break N` / `continue N`. */
export class LoopControl { constructor(readonly kind: 'break' | 'continue', public levels: number) {} }
/** Too many commands: the process is busy forever (containers) or stopped (host). */
export class Budget {}
/** A `while true` without a way out, in a timeline with no horizon: its output cannot matter. */
export class Endless {}

/** Where a command's input comes from and its output goes. */
export interface Frame {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: { text: string; pos: number; tty?: boolean };
}

export class Shell {
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  readonly aliases = new Map<string, string>();
  positional: string[] = [];
  status = 0;
  cwd: string;
  /** The container driver's horizon is infinite: endless loops end evaluation (see Endless). */
  stopOnEndlessLoop = false;
  private steps = 0;
  private frame: Frame;

  constructor(readonly config: ShellConfig) {
    this.cwd = config.cwd;
    const env = config.env instanceof Map ? config.env : new Map(Object.entries(config.env));
    for (const [k, v] of env) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    this.frame = {
      out: (t) => config.write(t, 'stdout'),
      err: (t) => config.write(t, 'stderr'),
      stdin: { text: '', pos: 0, tty: !!config.terminal },
    };
  }

  /** Whether the running command's stdin is the terminal (not a pipe, file or heredoc). */
  get stdinIsTerminal(): boolean {
    return !!this.frame.stdin.tty;
  }

  /** Runs `list` with its output (stdout and stderr) captured, as a pipe would take it. */
  *capture(list: List): ShellRun<string> {
    const saved = this.frame;
    let captured = '';
    const sink = (t: string) => { captured += t; };
    this.frame = { out: sink, err: sink, stdin: { text: '', pos: 0 } };
    try {
      yield* this.list(list);
    } finally {
      this.frame = saved;
    }
    return captured;
  }

  get fs(): ShellFs {
    return this.config.fs;
  }

  /** Runs a parsed list with `stdin` as its input (else the terminal, if any); returns the last status. */
  *run(list: List, stdin?: string): ShellRun<number> {
    this.steps = 0;
    this.frame = { ...this.frame, stdin: stdin === undefined ? { text: '', pos: 0, tty: !!this.config.terminal } : { text: stdin, pos: 0 } };
    yield* this.list(list);
    return this.status;
  }

  get currentFrame(): Frame {
    return this.frame;
  }

  out(text: string): void { this.frame.out(text); }
  err(text: string): void { this.frame.err(text); }

  /** The shell's own error line: `sh: …`, `bash: …`, dash's `sh: 1: …`. */
  complain(text: string): void {
    this.err(`${this.config.shellName}: ${this.config.flavor === 'dash' ? '1: ' : ''}${text}\n`);
  }

  resolve(path: string): string {
    return normalize(path.startsWith('/') ? path : `${this.cwd}/${path}`);
  }

  stat(path: string): FileStat | FsError {
    if (path === '/dev/null') return { type: 'file', size: 0, mode: 0o666, mtime: 0 };
    return this.fs.stat(this.resolve(path));
  }

  /** A wait passed through from a program; counts as the host's loop making progress. */
  *wait(w: ShellWait): ShellRun<boolean> {
    const jobs = this.config.jobs;
    // Background jobs go on whenever the foreground waits.
    const held = yield jobs ? { ...w, until: () => (jobs.poll(), w.until()) } : w;
    if (this.config.stepsPerWait) this.steps = 0;
    return held;
  }

  step(): void {
    if (++this.steps > this.config.maxSteps) throw new Budget();
  }

  *list(list: List): ShellRun<void> {
    for (const { op, command, background } of list.items) {
      if (op === '&&' && this.status !== 0) continue;
      if (op === '||' && this.status === 0) continue;
      const jobFrame = background !== undefined && this.config.jobs && command.kind === 'simple' ? this.jobFrame(command.redirects) : undefined;
      if (jobFrame && command.kind === 'simple') yield* this.background(command, background!, this.config.jobs!, jobFrame);
      else yield* this.command(command);
    }
  }

  /**
   * Where a background job's output goes: the terminal, or nowhere for `> /dev/null`, `2>&1`
   * and the like. undefined for a redirection to a file (such a job runs in its turn instead).
   */
  private jobFrame(redirects: Redirect[]): Frame | undefined {
    const frame: Frame = { out: (t) => this.config.write(t, 'stdout'), err: (t) => this.config.write(t, 'stderr'), stdin: { text: '', pos: 0 } };
    const discard = () => undefined;
    for (const r of redirects) {
      if (r.op === '2>&1') frame.err = frame.out;
      else if (r.op === '>&2') frame.out = frame.err;
      else if (r.op === '<' || r.target.map((p) => (p.kind === 'lit' ? p.text : '\0')).join('') !== '/dev/null') return undefined;
      else if (r.op === '>' || r.op === '>>') frame.out = discard;
      else frame.err = discard;
    }
    return frame;
  }

  /** `cmd &`: the program starts as a job of `jobs`; the line goes on at once (status 0, `$!` its pid). */
  private *background(cmd: Extract<Command, { kind: 'simple' }>, text: string, jobs: JobTable, frame: Frame): ShellRun<void> {
    this.step();
    let argv: string[] = [];
    for (const w of this.braces(cmd.words)) argv.push(...(hasSubst(w) ? yield* this.expand(w) : fields(w, true, [], this)));
    if (this.config.interactive && argv.length && cmd.words[0].every((p) => p.kind === 'lit' && !p.quoted)) argv = this.unalias(argv);
    const assigned: Array<[string, string]> = [];
    for (const [name, value] of cmd.assigns) assigned.push([name, (hasSubst(value) ? yield* this.expand(value, false) : fields(value, false, [], this)).join('')]);
    const program = argv.length ? this.config.lookup(argv[0]) : undefined;
    const saved = this.frame;
    this.frame = frame;
    const io = new Call(this, argv, '', assigned);
    this.frame = saved;
    const notFound = () => this.notFound(argv[0]);
    const run = function* (): ShellRun<number> {
      if (!program) return argv.length ? notFound() : 0;
      const result = program(io);
      return typeof result === 'number' ? result : yield* result;
    };
    jobs.start(run(), text, (line) => this.err(line));
    this.vars.set('!', String(jobs.lastPid));
    this.status = 0;
  }

  *command(cmd: Command): ShellRun<void> {
    this.step();
    switch (cmd.kind) {
      case 'simple':
        return yield* this.simple(cmd);
      case 'while':
        return yield* this.loop(cmd.until, cmd.cond, cmd.body);
      case 'for': {
        const items: string[] = [];
        for (const w of this.braces(cmd.items)) items.push(...(hasSubst(w) ? yield* this.expand(w) : fields(w, true, [], this)));
        this.status = 0;
        for (const item of items) {
          this.vars.set(cmd.name, item);
          const control = yield* this.body(cmd.body);
          if (control === 'break') break;
        }
        return;
      }
      case 'if': {
        for (const b of cmd.branches) {
          yield* this.list(b.cond);
          if (this.status === 0) return yield* this.list(b.body);
        }
        if (cmd.otherwise) yield* this.list(cmd.otherwise);
        else this.status = 0;
        return;
      }
      case 'group':
        return yield* this.list(cmd.body);
      case 'pipeline':
        yield* this.pipeline(cmd.commands);
        if (cmd.negate) this.status = this.status === 0 ? 1 : 0;
        return;
      case 'redirected': {
        const inner = cmd.command;
        yield* this.redirected(cmd.redirects, () => this.command(inner));
        return;
      }
    }
  }

  private *loop(until: boolean, cond: List, body: List): ShellRun<void> {
    if (this.stopOnEndlessLoop && endless(cond, until, body)) throw new Endless();
    let status = 0;
    for (;;) {
      yield* this.list(cond);
      if ((this.status === 0) === until) break;
      const control = yield* this.body(body);
      status = this.status;
      if (control === 'break') break;
      this.step();
    }
    this.status = status;
  }

  /** A loop body; says whether `break` left the loop (a `continue` for an outer loop goes on up). */
  private *body(body: List): ShellRun<'break' | undefined> {
    try {
      yield* this.list(body);
    } catch (e) {
      if (!(e instanceof LoopControl)) throw e;
      if (--e.levels > 0) throw e;
      return e.kind === 'break' ? 'break' : undefined;
    }
    return undefined;
  }

  /** Stages run one after another, each reading what the one before wrote (no program runs forever in between). */
  private *pipeline(commands: Command[]): ShellRun<void> {
    const saved = this.frame;
    let input = saved.stdin;
    try {
      for (let i = 0; i < commands.length; i++) {
        const last = i === commands.length - 1;
        let captured = '';
        this.frame = { out: last ? saved.out : (t) => (captured += t), err: saved.err, stdin: input };
        yield* this.command(commands[i]);
        input = { text: captured, pos: 0 };
      }
    } finally {
      this.frame = saved;
    }
  }

  /** bash expands braces first (./braces.ts); ash and dash keep them as written. */
  private braces(words: Word[]): Word[] {
    return this.config.flavor === 'bash' && words.some((w) => w.some((p) => p.kind === 'lit' && p.text.includes('{'))) ? words.flatMap(braceExpand) : words;
  }

  private *simple(cmd: Extract<Command, { kind: 'simple' }>): ShellRun<void> {
    let argv: string[] = [];
    for (const w of this.braces(cmd.words)) argv.push(...(hasSubst(w) ? yield* this.expand(w) : fields(w, true, [], this)));
    if (this.config.interactive && argv.length && cmd.words[0].every((p) => p.kind === 'lit' && !p.quoted)) argv = this.unalias(argv);
    const assigned: Array<[string, string]> = [];
    for (const [name, value] of cmd.assigns) assigned.push([name, (hasSubst(value) ? yield* this.expand(value, false) : fields(value, false, [], this)).join('')]);
    for (const [name, value] of assigned) this.vars.set(name, value);
    if (cmd.redirects.length === 0) this.status = argv.length === 0 ? 0 : yield* this.exec(argv, assigned);
    else yield* this.redirected(cmd.redirects, () => this.execSimple(argv, assigned));
  }

  private *execSimple(argv: string[], assigned: Array<[string, string]>): ShellRun<void> {
    this.status = argv.length === 0 ? 0 : yield* this.exec(argv, assigned);
  }

  /** Runs `body` with `redirects` applied; what went to files is written when it ends (or is stopped). */
  private *redirected(redirects: Redirect[], body: () => ShellRun<void>): ShellRun<void> {
    const saved = this.frame;
    const files: Array<{ path: string; append: boolean; text: string }> = [];
    try {
      const ok = yield* this.redirect(redirects, files);
      if (!ok) { this.status = 1; return; }
      yield* body();
    } finally {
      this.frame = saved;
      for (const f of files) {
        if (f.path === '/dev/null') continue;
        const error = this.fs.write(this.resolve(f.path), f.text, f.append);
        if (error) this.complain(`${f.path}: ${fsMessage(error)}`);
      }
    }
  }

  /** Applies redirections left to right to a new frame; false (after the message) when a file cannot be read. */
  private *redirect(redirects: Redirect[], files: Array<{ path: string; append: boolean; text: string }>): ShellRun<boolean> {
    if (redirects.length === 0) return true;
    const frame: Frame = { ...this.frame };
    for (const r of redirects) {
      if (r.op === '2>&1') { frame.err = frame.out; continue; }
      if (r.op === '>&2') { frame.out = frame.err; continue; }
      const target = (yield* this.expand(r.target, false)).join('');
      if (r.op === '<') {
        const text = target === '/dev/null' ? '' : this.fs.read(this.resolve(target));
        if (isFsError(text)) {
          const msg = this.config.flavor === 'busybox' ? `can't open '${target}': no such file` : this.config.flavor === 'dash' ? `cannot open ${target}: No such file` : `${target}: ${fsMessage(text)}`;
          this.complain(msg);
          return false;
        }
        frame.stdin = { text, pos: 0 };
        continue;
      }
      const file = { path: target, append: r.op === '>>' || r.op === '2>>', text: '' };
      files.push(file);
      const sink = (t: string) => { file.text += t; };
      if (r.op === '2>' || r.op === '2>>') frame.err = sink;
      else frame.out = sink;
    }
    this.frame = frame;
    return true;
  }

  /** `k get pods` → `kubectl get pods` (the first word only, as bash does for a simple alias). */
  private unalias(argv: string[]): string[] {
    const value = this.aliases.get(argv[0]);
    if (value === undefined) return argv;
    const words = parseScript(value).items[0]?.command;
    const replaced = words?.kind === 'simple' ? words.words.map((w) => w.map((p) => (p.kind === 'lit' ? p.text : '')).join('')) : [value];
    return [...replaced, ...argv.slice(1)];
  }

  /** Runs one command (builtin or program); returns its status. */
  *exec(argv: string[], assigned: Array<[string, string]> = []): ShellRun<number> {
    const now = runBuiltinNow(this, argv);
    if (now !== undefined) return now;
    if (mayWait(argv[0])) {
      const builtin = yield* runBuiltin(this, argv);
      if (builtin !== undefined) return builtin;
    }
    const program = this.config.lookup(argv[0]);
    if (!program) return this.notFound(argv[0]);
    const stdin = this.frame.stdin;
    const input = stdin.text.slice(stdin.pos);
    stdin.pos = stdin.text.length;
    const io = new Call(this, argv, input, assigned);
    const result = program(io);
    if (typeof result === 'number') return result;
    let step = result.next();
    try {
      while (!step.done) step = result.next(yield* this.wait(step.value));
    } finally {
      // Ended from outside (Ctrl+C, a timeline's horizon): the program's own `finally` runs too.
      if (!step.done) result.return(130);
    }
    return step.value;
  }

  notFound(name: string): number {
    if (this.config.flavor === 'bash') this.complain(this.config.interactive ? `${name}: command not found` : `line 1: ${name}: command not found`);
    else this.complain(`${name}: not found`);
    return 127;
  }

  /** Word expansion: parameters, arithmetic, command substitution, then field splitting. */
  *expand(word: Word, split = true): ShellRun<string[]> {
    const substituted: string[] = [];
    for (const part of word) if (part.kind === 'subst') substituted.push(yield* this.substitute(part.src));
    return fields(word, split, substituted, this);
  }

  /** `$(…)`: runs with its output captured; trailing newlines dropped; `$?` is the substitution's. */
  private *substitute(src: string): ShellRun<string> {
    const saved = this.frame;
    let captured = '';
    this.frame = { ...saved, out: (t) => (captured += t) };
    try {
      yield* this.list(parseCached(src));
    } finally {
      this.frame = saved;
    }
    return captured.replace(/\n+$/, '');
  }

  /** Reads one line of stdin (`read`), or typed input when stdin is the terminal; undefined at the end. */
  *readLine(): ShellRun<string | undefined> {
    const stdin = this.frame.stdin;
    if (stdin.tty && this.config.terminal) {
      const terminal = this.config.terminal;
      let typed = '';
      let eof = false;
      const more = () => {
        const t = terminal.read();
        if (t === undefined) eof = true;
        else typed += t;
        return eof || typed.includes('\n');
      };
      if (!more()) yield* this.wait({ until: more, timeoutMs: Infinity });
      if (!typed.includes('\n')) return eof && typed === '' ? undefined : typed;
      return typed.slice(0, typed.indexOf('\n'));
    }
    if (stdin.pos >= stdin.text.length) return undefined;
    const nl = stdin.text.indexOf('\n', stdin.pos);
    const end = nl < 0 ? stdin.text.length : nl;
    const line = stdin.text.slice(stdin.pos, end);
    stdin.pos = nl < 0 ? stdin.text.length : nl + 1;
    return line;
  }
}
