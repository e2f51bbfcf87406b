/**
 * The shell's builtins: what changes the shell itself (variables, aliases, the directory, loops)
 * or is built into every POSIX shell (echo, printf, test). Everything else is a program.
 */
import { evalTest, formatPrintf, toInt } from './helpers';
import { Exit, LoopControl, fsMessage, type Shell, type ShellRun } from './interpreter';
import { parseCached, parseScript, ShellSyntaxError } from './parse';

/** Shells whose `-c SCRIPT` runs in the same evaluator (and with no script exit at once: no stdin). */
export const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash']);

/** Runs `argv` if it names a builtin that never waits; undefined otherwise (see runBuiltin). */
export function runBuiltinNow(sh: Shell, argv: string[]): number | undefined {
  const [name, ...args] = argv;
  switch (name) {
    case 'exit': throw new Exit(args[0] === undefined ? sh.status : toInt(args[0]));
    case 'break': case 'continue': throw new LoopControl(name, Math.max(1, Number(args[0] ?? 1) || 1));
    case 'true': case ':': return 0;
    case 'false': return 1;
    case 'set': case 'trap': case 'ulimit': case 'wait': case 'shift': return 0;
    case 'export': return exportVars(sh, args);
    case 'unset':
      for (const a of args.filter((a) => !a.startsWith('-'))) { sh.vars.delete(a); sh.exported.delete(a); }
      return 0;
    case 'cd': return cd(sh, args);
    case 'pwd': sh.out(`${sh.cwd}\n`); return 0;
    case 'echo': return echo(sh, args);
    case 'printf': {
      const [fmt = '', ...rest] = args;
      sh.out(formatPrintf(fmt, rest));
      return 0;
    }
    case 'test': case '[': {
      if (name === '[' && args[args.length - 1] !== ']') { sh.complain('[: missing `]\''); return 2; }
      return evalTest(name === '[' ? args.slice(0, -1) : args, (p) => sh.stat(p));
    }
  }
  const jobs = sh.config.jobs;
  if (jobs) {
    if (name === 'jobs') { sh.out(jobs.list()); return 0; }
    if (name === 'kill') return jobs.kill(args, (t) => sh.err(t));
  }
  if (sh.config.interactive) {
    switch (name) {
      case 'alias': return alias(sh, args);
      case 'unalias': return unalias(sh, args);
      case 'history': {
        const entries = sh.config.history?.() ?? [];
        sh.out(entries.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).join(''));
        return 0;
      }
    }
  }
  return undefined;
}

/** Whether `name` is a builtin that may wait: `eval`, `read`, `sh -c`. */
export function mayWait(name: string): boolean {
  return name === 'eval' || name === 'read' || SHELL_NAMES.has(basename(name));
}

/** Runs `argv` if it names a builtin that may wait (runs scripts, reads input); undefined otherwise. */
export function* runBuiltin(sh: Shell, argv: string[]): ShellRun<number | undefined> {
  const [name, ...args] = argv;
  switch (name) {
    case 'eval': {
      yield* sh.list(parseScript(args.join(' ')));
      return sh.status;
    }
    case 'read': return yield* read(sh, args);
  }
  if (SHELL_NAMES.has(basename(name)) && sh.config.lookup(name)) {
    if (args[0] !== '-c') return 0;
    try {
      yield* sh.list(parseCached(args[1] ?? ''));
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      sh.complain(`syntax error: ${e.message}`);
      return 2;
    }
    return sh.status;
  }
  return undefined;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function exportVars(sh: Shell, args: string[]): number {
  const names = args.filter((a) => a !== '-p');
  if (names.length === 0) {
    // bash's listing, sorted: `declare -x NAME="value"`.
    for (const k of [...sh.exported].sort()) sh.out(`declare -x ${k}="${sh.vars.get(k) ?? ''}"\n`);
    return 0;
  }
  for (const a of names) {
    const eq = a.indexOf('=');
    const key = eq < 0 ? a : a.slice(0, eq);
    if (eq >= 0) sh.vars.set(key, a.slice(eq + 1));
    sh.exported.add(key);
  }
  return 0;
}

function cd(sh: Shell, args: string[]): number {
  const target = args[0] ?? sh.vars.get('HOME') ?? '/';
  const st = sh.stat(target);
  if (typeof st === 'string' || st.type !== 'dir') {
    sh.complain(`cd: ${target}: ${typeof st === 'string' ? fsMessage(st) : 'Not a directory'}`);
    return 1;
  }
  sh.vars.set('OLDPWD', sh.cwd);
  sh.cwd = sh.resolve(target);
  sh.vars.set('PWD', sh.cwd);
  return 0;
}

function echo(sh: Shell, args: string[]): number {
  if (sh.config.flavor === 'dash') return dashEcho(sh, args);
  let newline = true;
  let escapes = false;
  while (/^-[neE]+$/.test(args[0] ?? '')) {
    const flags = args.shift()!;
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\(n|t|\\)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
  sh.out(text + (newline ? '\n' : ''));
  return 0;
}

/**
 * dash's echo (bltin/printf.c echocmd): only `-n`, and backslash escapes always interpreted
 * (\\ \a \b \c \f \n \r \t \v \0NNN; \c ends the output) — what Debian images' /bin/sh prints.
 */
function dashEcho(sh: Shell, args: string[]): number {
  let newline = true;
  if (args[0] === '-n') {
    args.shift();
    newline = false;
  }
  let text = args.join(' ');
  const cut = text.indexOf('\\c');
  if (cut >= 0) {
    text = text.slice(0, cut);
    newline = false;
  }
  const named: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  text = text.replace(/\\(0[0-7]{0,3}|[\\abfnrtv])/g, (_, e: string) => (e[0] === '0' ? String.fromCharCode(parseInt(e.slice(1) || '0', 8)) : named[e]));
  sh.out(text + (newline ? '\n' : ''));
  return 0;
}

/** `read [-r] NAME…`: one line, split on blanks, the last name takes the rest. */
function* read(sh: Shell, args: string[]): ShellRun<number> {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) names.push('REPLY');
  const line = yield* sh.readLine();
  const fields = (line ?? '').trim().split(/[ \t]+/).filter((f, i, all) => f !== '' || all.length > 1);
  names.forEach((n, i) => sh.vars.set(n, i === names.length - 1 ? fields.slice(i).join(' ') : fields[i] ?? ''));
  return line === undefined ? 1 : 0;
}

function alias(sh: Shell, args: string[]): number {
  if (args.length === 0) {
    for (const [k, v] of [...sh.aliases].sort(([a], [b]) => (a < b ? -1 : 1))) sh.out(`alias ${k}='${v}'\n`);
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.aliases.has(a)) sh.out(`alias ${a}='${sh.aliases.get(a)}'\n`);
    else { sh.complain(`alias: ${a}: not found`); code = 1; }
  }
  return code;
}

function unalias(sh: Shell, args: string[]): number {
  if (args[0] === '-a') { sh.aliases.clear(); return 0; }
  let code = 0;
  for (const a of args) {
    if (!sh.aliases.delete(a)) { sh.complain(`unalias: ${a}: not found`); code = 1; }
  }
  return code;
}
