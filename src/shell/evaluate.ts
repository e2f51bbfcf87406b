/**
 * The shell's evaluator (parse → evaluate): runs a container's process in virtual time, a
 * shell script (`sh -c "…"`) or a single exec-form command. Only `sleep` takes time. The
 * result is a timeline: output lines with their offsets from the start, and the exit (code and
 * offset) — or none if it runs forever. The interpreter is pure and deterministic, so logs
 * are re-derived on demand by running it again up to "now" instead of being stored line by
 * line.
 */
import { containsExit, evalArith, evalTest, formatDate, formatPrintf, isConstantTrue, parseDuration, toInt } from './helpers';
import { parseScript, ShellSyntaxError, type Command, type List, type Word } from './parse';
import { FsMap, resolvePath, WatchedMap } from './fs-map';
import { MemoryFs } from './memory-fs';
import type { Program, ShellFs, System } from './program';

export { evalArith, formatDate };

export type ShellFlavor = 'busybox' | 'dash' | 'bash';

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
  /** The container's files, read and written in place (`kubectl exec`); `files` is then unused. */
  fs?: ShellFs;
  /** Where relative paths start (an interactive session's `cd`); `/` when unset. */
  cwd?: string;
  /** Each change the process makes to its files, at its offset (the kubelet journals a main process's). */
  onWrite?: (path: string, content: string | undefined, atMs: number, previous: string | undefined) => void;
  /** Programs beyond the evaluator's built-ins (by basename), and the System they see. */
  programs?: ReadonlyMap<string, Program>;
  sys?: System;
}

export interface OutputLine {
  /** ms since the process started. */
  at: number;
  text: string;
  stream: 'stdout' | 'stderr';
}

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

class Exit { constructor(readonly code: number) {} }
class TimeUp {}
class Break {}
class Budget {}

const TERMINAL_SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** Runs `argv` (command + args as the container runtime would exec it). */
export function runProcess(argv: string[], ctx: ProcessContext, opts: RunOptions = {}): Timeline {
  const vm = new Vm(ctx, opts);
  const bin = basename(argv[0] ?? '');
  try {
    if (TERMINAL_SHELLS.has(bin) && argv[1] === '-c') {
      vm.flavor = bin === 'bash' ? 'bash' : ctx.flavor === 'bash' ? 'dash' : ctx.flavor;
      vm.shellName = bin;
      vm.vars.set('0', argv[3] ?? bin);
      argv.slice(4).forEach((a, i) => vm.vars.set(String(i + 1), a));
      let script: List;
      try {
        script = parseScript(argv[2] ?? '');
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        vm.err(`${bin}: syntax error: ${e.message}`);
        throw new Exit(2);
      }
      vm.list(script);
      throw new Exit(vm.status);
    }
    if (TERMINAL_SHELLS.has(bin) && argv.length === 1) throw new Exit(0); // no stdin: exits at once
    vm.shellName = bin;
    throw new Exit(vm.exec(argv, ''));
  } catch (e) {
    return vm.finish(e);
  }
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

class Vm {
  vars = new Map<string, string>();
  fs = new Map<string, string>();
  status = 0;
  flavor: ShellFlavor;
  shellName = 'sh';
  private t = 0;
  private lines: OutputLine[] = [];
  private partial = '';
  private captures: string[][] = [];
  private steps = 0;
  private truncated = false;
  private readonly until: number;
  private readonly maxLines: number;
  private readonly maxSteps: number;

  constructor(private readonly ctx: ProcessContext, opts: RunOptions) {
    this.flavor = ctx.flavor;
    this.until = opts.untilMs ?? Infinity;
    this.maxLines = opts.maxLines ?? 10_000;
    this.maxSteps = opts.maxSteps ?? 1_000_000;
    if (ctx.fs) this.fs = new FsMap(ctx.fs, ctx.cwd);
    else if (ctx.onWrite) this.fs = new WatchedMap(ctx.files, (path, content, previous) => ctx.onWrite!(resolvePath('/', path), content, this.t, previous));
    else if (ctx.files) this.fs = new Map(ctx.files);
    for (const [k, v] of Object.entries(ctx.env)) this.vars.set(k, v);
    if (!this.vars.has('HOSTNAME')) this.vars.set('HOSTNAME', ctx.hostname);
    this.vars.set('$', '1');
  }

  finish(e: unknown): Timeline {
    if (this.partial) this.emit(this.partial, 'stdout');
    const files = this.fs;
    if (e instanceof Exit) return { lines: this.lines, exit: { at: this.t, code: e.code & 255 }, truncated: false, files };
    if (e instanceof TimeUp || e instanceof Break) return { lines: this.lines, truncated: false, files };
    if (e instanceof Budget) return { lines: this.lines, truncated: true, files };
    throw e;
  }

  list(list: List): void {
    for (const { op, command } of list.items) {
      if (op === '&&' && this.status !== 0) continue;
      if (op === '||' && this.status === 0) continue;
      this.command(command);
    }
  }

  private command(cmd: Command): void {
    if (++this.steps > this.maxSteps) throw new Budget();
    switch (cmd.kind) {
      case 'simple': {
        const argv = cmd.words.flatMap((w) => this.expand(w));
        for (const [name, value] of cmd.assigns) this.vars.set(name, this.expand(value, false).join(''));
        if (argv.length === 0) { this.status = 0; return; }
        let stdin = '';
        let outFile: { path: string; append: boolean } | undefined;
        for (const r of cmd.redirects) {
          const target = this.expand(r.target, false).join('');
          if (r.op === '<') stdin = this.fs.get(target) ?? '';
          else if (r.op === '>' || r.op === '>>') outFile = { path: target, append: r.op === '>>' };
        }
        if (outFile) {
          this.captures.push([]);
          let code: number;
          try {
            code = this.exec(argv, stdin);
          } finally {
            const text = this.captures.pop()!.join('');
            const prev = outFile.append ? this.fs.get(outFile.path) ?? '' : '';
            this.fs.set(outFile.path, prev + text);
          }
          this.status = code;
        } else this.status = this.exec(argv, stdin);
        return;
      }
      case 'while': {
        const infinite = isConstantTrue(cmd.cond) !== cmd.until && !containsExit(cmd.body);
        if (infinite && this.until === Infinity) {
          // Never ends: what it prints does not matter for when the process exits.
          throw new TimeUp();
        }
        try {
          for (;;) {
            this.list(cmd.cond);
            if ((this.status === 0) === cmd.until) break;
            this.list(cmd.body);
            if (++this.steps > this.maxSteps) throw new Budget();
          }
        } catch (e) {
          if (!(e instanceof Break)) throw e;
        }
        this.status = 0;
        return;
      }
      case 'for': {
        const items = cmd.items.flatMap((w) => this.expand(w));
        try {
          for (const item of items) {
            this.vars.set(cmd.name, item);
            this.list(cmd.body);
          }
        } catch (e) {
          if (!(e instanceof Break)) throw e;
        }
        return;
      }
      case 'if': {
        for (const b of cmd.branches) {
          this.list(b.cond);
          if (this.status === 0) return this.list(b.body);
        }
        if (cmd.otherwise) this.list(cmd.otherwise);
        else this.status = 0;
        return;
      }
      case 'group':
        return this.list(cmd.body);
      case 'pipeline': {
        let stdin = '';
        cmd.commands.forEach((c, i) => {
          const last = i === cmd.commands.length - 1;
          if (!last) this.captures.push([]);
          this.pipeStdin = stdin;
          this.command(c);
          if (!last) stdin = this.captures.pop()!.join('');
        });
        this.pipeStdin = '';
        return;
      }
    }
  }

  private pipeStdin = '';

  /** Runs one command; returns its exit status. */
  exec(argv: string[], stdin: string): number {
    const [name, ...args] = argv;
    const input = stdin || this.pipeStdin;
    this.pipeStdin = '';
    switch (name) {
      case 'exit': throw new Exit(args[0] === undefined ? this.status : toInt(args[0]));
      case 'break': throw new Break();
      case 'true': case ':': return 0;
      case 'false': return 1;
      case 'export': case 'set': case 'trap': case 'cd': case 'ulimit': case 'wait': return 0;
      case 'echo': {
        const noNewline = args[0] === '-n';
        this.out(args.slice(noNewline ? 1 : 0).join(' ') + (noNewline ? '' : '\n'));
        return 0;
      }
      case 'printf': {
        const [fmt = '', ...rest] = args;
        this.out(formatPrintf(fmt, rest));
        return 0;
      }
      case 'test': case '[': return evalTest(name === '[' ? args.slice(0, -1) : args, this.fs);
      case 'eval': {
        this.list(parseScript(args.join(' ')));
        return this.status;
      }
    }
    if (!this.ctx.binaries.has(basename(name)) && !TERMINAL_SHELLS.has(basename(name))) return this.notFound(name);
    const program = this.ctx.programs?.get(basename(name));
    if (program) return this.runProgram(program, argv, input);
    switch (basename(name)) {
      case 'sleep': {
        const secs = args[0] === 'infinity' || args[0] === 'inf' ? Infinity : parseDuration(args[0]);
        if (secs === undefined) { this.err(`sleep: invalid number '${args[0] ?? ''}'`); return 1; }
        this.advance(secs * 1000);
        return 0;
      }
      case 'date':
        this.out(formatDate(this.ctx.startedAt + this.t) + '\n');
        return 0;
      case 'hostname':
        this.out(this.ctx.hostname + '\n');
        return 0;
      case 'env': case 'printenv': {
        if (args.length) {
          const missing = args.filter((a) => !this.vars.has(a));
          for (const a of args) if (this.vars.has(a)) this.out(this.vars.get(a) + '\n');
          return missing.length ? 1 : 0;
        }
        for (const [k, v] of this.exported()) this.out(`${k}=${v}\n`);
        return 0;
      }
      case 'cat': {
        if (args.length === 0) { this.out(input); return 0; }
        let code = 0;
        for (const f of args) {
          const content = this.fs.get(f);
          if (content === undefined) {
            this.err(this.flavor === 'busybox' ? `cat: can't open '${f}': No such file or directory` : `cat: ${f}: No such file or directory`);
            code = 1;
          } else this.out(content);
        }
        return code;
      }
      case 'touch':
        for (const f of args) if (!f.startsWith('-') && !this.fs.has(f)) this.fs.set(f, '');
        return 0;
      case 'rm': {
        const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
        let code = 0;
        for (const f of args.filter((a) => !a.startsWith('-'))) {
          if (this.fs.delete(f) || force) continue;
          this.err(this.flavor === 'busybox' ? `rm: can't remove '${f}': No such file or directory` : `rm: cannot remove '${f}': No such file or directory`);
          code = 1;
        }
        return code;
      }
      case 'sort': {
        // Byte order (the C locale of busybox and kind's images); -r reverses.
        const lines = input.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        if (args.includes('-r')) lines.reverse();
        for (const l of lines) this.out(l + '\n');
        return 0;
      }
      case 'seq': {
        const nums = args.map(Number);
        const [first, last] = nums.length === 1 ? [1, nums[0]] : [nums[0], nums[1]];
        for (let n = first; n <= last; n++) this.out(`${n}\n`);
        return 0;
      }
      case 'sh': case 'bash': case 'ash': case 'dash': {
        if (args[0] === '-c') { this.list(parseScript(args[1] ?? '')); return this.status; }
        return 0;
      }
      default:
        // Present in the image but not simulated (wget, nslookup, …): succeed quietly.
        return 0;
    }
  }

  /** A program module (../shell/programs/) run with this process's files, environment and output. */
  private runProgram(program: Program, argv: string[], stdin: string): number {
    const fs = this.ctx.fs ?? new MemoryFs(this.fs);
    const sys = this.ctx.sys ?? { now: () => this.ctx.startedAt + this.t, hostname: this.ctx.hostname };
    let errPartial = '';
    const code = program({
      argv,
      stdin,
      env: new Map(this.exported()),
      cwd: this.ctx.cwd ?? '/',
      fs,
      userland: this.flavor === 'busybox' ? 'busybox' : 'gnu',
      sys,
      out: (text) => this.out(text),
      err: (text) => {
        const parts = (errPartial + text).split('\n');
        errPartial = parts.pop()!;
        for (const p of parts) this.err(p);
      },
    });
    if (errPartial) this.err(errPartial);
    return code;
  }

  private notFound(name: string): number {
    if (this.flavor === 'bash') this.err(`${this.shellName}: line 1: ${name}: command not found`);
    else if (this.flavor === 'dash') this.err(`${this.shellName}: 1: ${name}: not found`);
    else this.err(`${this.shellName}: ${name}: not found`);
    return 127;
  }

  private exported(): Array<[string, string]> {
    return Object.entries(this.ctx.env).map(([k]) => [k, this.vars.get(k) ?? ''] as [string, string]);
  }

  /** Word expansion: parameters, arithmetic, command substitution, then field splitting. */
  private expand(word: Word, split = true): string[] {
    const fields: string[] = [];
    let cur = '';
    let hasQuoted = false;
    for (const part of word) {
      let text: string;
      if (part.kind === 'lit') text = part.text;
      else if (part.kind === 'var') text = this.param(part.name);
      else if (part.kind === 'arith') text = String(evalArith(part.expr, this.vars));
      else text = this.substitute(part.src);
      if (part.quoted || part.kind === 'lit' || !split) {
        cur += text;
        if (part.quoted) hasQuoted = true;
        continue;
      }
      const pieces = text.split(/[ \t\n]+/);
      pieces.forEach((p, i) => {
        if (i > 0) { if (cur) fields.push(cur); cur = ''; }
        cur += p;
      });
    }
    if (cur || hasQuoted) fields.push(cur);
    return fields;
  }

  private param(name: string): string {
    if (name === '?') return String(this.status);
    if (name === '#') return '0';
    const dflt = /^([A-Za-z_][A-Za-z0-9_]*):?-(.*)$/.exec(name);
    if (dflt) return this.vars.get(dflt[1]) || dflt[2];
    return this.vars.get(name) ?? '';
  }

  private substitute(src: string): string {
    this.captures.push([]);
    const saved = this.status;
    try {
      this.list(parseScript(src));
    } finally {
      const text = this.captures.pop()!.join('');
      this.status = saved;
      this.lastSubst = text.replace(/\n+$/, '');
    }
    return this.lastSubst;
  }

  private lastSubst = '';

  private out(text: string): void {
    const cap = this.captures[this.captures.length - 1];
    if (cap) { cap.push(text); return; }
    const all = this.partial + text;
    const parts = all.split('\n');
    this.partial = parts.pop()!;
    for (const p of parts) this.emit(p, 'stdout');
  }

  err(text: string): void {
    this.emit(text, 'stderr');
  }

  private emit(text: string, stream: OutputLine['stream']): void {
    this.lines.push({ at: this.t, text, stream });
    if (this.lines.length > this.maxLines * 2) this.lines = this.lines.slice(-this.maxLines);
  }

  private advance(ms: number): void {
    if (!Number.isFinite(ms) || this.t + ms > this.until) {
      if (Number.isFinite(this.until)) this.t = this.until;
      throw new TimeUp();
    }
    this.t += ms;
  }
}
