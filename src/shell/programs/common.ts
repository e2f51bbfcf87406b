/**
 * What the programs share: their name as they report it, paths against the cwd, errno words,
 * reading FILE operands (or stdin) and getopt-style option parsing with the two userlands'
 * complaints (glibc getopt's texts, which both coreutils and docker's glibc busybox print).
 */
import { normalize } from '../memory-fs';
import type { FsError, ProgramIO } from '../program';
import { BUSYBOX_BANNER, BUSYBOX_USAGE } from './busybox-usage';
import { fsMessage } from '../fs-errors';

/** GNU tools name themselves by argv[0] as invoked (`/bin/cat: x: …`); busybox by the applet name. */
export function progName(io: ProgramIO): string {
  const a0 = io.argv[0] ?? '';
  return io.userland === 'gnu' ? a0 : basenameOf(a0);
}

export function basenameOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? (path ? '/' : '') : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function resolvePath(io: ProgramIO, path: string): string {
  return normalize(path.startsWith('/') ? path : `${io.cwd}/${path}`);
}

/** strerror(3) texts: the shell's own (redirections meet the same errors). */
export { fsMessage };

export function isFsError(v: unknown): v is FsError {
  return typeof v === 'string' && /^E[A-Z]+$/.test(v) && fsMessage(v as FsError) !== undefined;
}

/** `prog: text` on stderr. */
export function complain(io: ProgramIO, text: string): void {
  io.err(`${progName(io)}: ${text}\n`);
}

/** How a tool words a file it cannot read (GNU's and busybox's differ from tool to tool). */
export type OpenError = (name: string, e: FsError) => string;

/** cat's words: GNU `x: No such file or directory`, busybox `can't open 'x': …` (`xfopen`). */
export const catOpenError: OpenError = (name, e) => `${name}: ${fsMessage(e)}`;

/** busybox's `open_or_warn`: `can't open 'x': No such file or directory`, `read error: Is a directory`. */
export const busyboxOpenError: OpenError = (name, e) =>
  e === 'EISDIR' ? `read error: ${fsMessage(e)}` : `can't open '${name}': ${fsMessage(e)}`;

/** Reads a FILE operand (`-` is stdin); reports a failure with `gnu` or `busybox` wording. */
export function readInput(
  io: ProgramIO, name: string, gnu: OpenError = catOpenError, busybox: OpenError = busyboxOpenError,
): string | undefined {
  if (name === '-') return io.stdin;
  const content = io.fs.read(resolvePath(io, name));
  if (!isFsError(content)) return content;
  complain(io, (io.userland === 'gnu' ? gnu : busybox)(name, content));
  return undefined;
}

/** Lines of a text without their newlines; a missing final newline still ends a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface Opt {
  key: string;
  value?: string;
}

export interface OptSpec {
  /** getopt's optstring: `nc:` — a `:` after a letter takes an argument. */
  short: string;
  /** Long options → their key; a trailing `=` takes an argument (`lines=` → `n`). */
  long?: Record<string, string>;
  /** Exit status of a usage error (coreutils 1, grep/sort/ls 2). */
  usageStatus?: number;
  /** Options stop at the first operand (POSIXLY_CORRECT tools such as xargs, env). */
  stopAtOperand?: boolean;
}

export interface ParsedOpts {
  opts: Opt[];
  operands: string[];
}

/** Parses argv[1..]; on a bad option prints the userland's complaint and returns the exit status. */
export function parseOpts(io: ProgramIO, spec: OptSpec, args = io.argv.slice(1)): ParsedOpts | number {
  const opts: Opt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { operands.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--') && spec.long) {
      const [name, inline] = splitLong(a.slice(2));
      const matches = Object.keys(spec.long).filter((k) => k.replace(/=$/, '') === name || k.startsWith(name));
      const exact = matches.find((k) => k.replace(/=$/, '') === name);
      const key = exact ?? (matches.length === 1 ? matches[0] : undefined);
      if (!key) {
        return usageError(io, spec, matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`);
      }
      const takesArg = key.endsWith('=');
      const long = key.replace(/=$/, '');
      if (takesArg) {
        const value = inline ?? args[++i];
        if (value === undefined) return usageError(io, spec, `option '--${long}' requires an argument`);
        opts.push({ key: spec.long[key], value });
      } else {
        if (inline !== undefined) return usageError(io, spec, `option '--${long}' doesn't allow an argument`);
        opts.push({ key: spec.long[key] });
      }
      continue;
    }
    if (a.length < 2 || a[0] !== '-') {
      if (spec.stopAtOperand) { operands.push(...args.slice(i)); break; }
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const at = spec.short.indexOf(c);
      if (at < 0 || c === ':') return usageError(io, spec, `invalid option -- '${c}'`);
      if (spec.short[at + 1] !== ':') { opts.push({ key: c }); continue; }
      const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
      if (value === undefined) return usageError(io, spec, `option requires an argument -- '${c}'`);
      opts.push({ key: c, value });
      break;
    }
  }
  return { opts, operands };
}

function splitLong(s: string): [string, string | undefined] {
  const eq = s.indexOf('=');
  return eq < 0 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)];
}

/**
 * A usage error: GNU adds `Try 'prog --help' for more information.`; busybox prints its banner
 * and the applet's usage (`bb_show_usage`).
 */
export function usageError(io: ProgramIO, spec: { usageStatus?: number } | number, text?: string): number {
  if (text !== undefined) complain(io, text);
  if (io.userland === 'gnu') io.err(`Try '${progName(io)} --help' for more information.\n`);
  else io.err(busyboxUsage(progName(io)));
  return typeof spec === 'number' ? spec : spec.usageStatus ?? 1;
}

export function busyboxUsage(applet: string): string {
  return `${BUSYBOX_BANNER}\n\n${BUSYBOX_USAGE[applet] ?? `Usage: ${applet}\n`}`;
}

export function has(p: ParsedOpts, key: string): boolean {
  return p.opts.some((o) => o.key === key);
}

/** The last value given for an option (getopt: later wins). */
export function last(p: ParsedOpts, key: string): string | undefined {
  let v: string | undefined;
  for (const o of p.opts) if (o.key === key) v = o.value;
  return v;
}

export function all(p: ParsedOpts, key: string): string[] {
  return p.opts.filter((o) => o.key === key).map((o) => o.value ?? '');
}
