/**
 * awk [-F FS] [-v VAR=VALUE]... [-f FILE | 'PROGRAM'] [FILE | VAR=VALUE]... — a subset of POSIX
 * awk that speaks mawk (Debian's and Ubuntu's awk) or busybox editors/awk.c: patterns and
 * ranges, BEGIN/END, fields and NF/NR/FNR/FS/OFS/ORS/SUBSEP/RSTART/RLENGTH/FILENAME/ENVIRON,
 * arrays (`in`, `delete`, `for (k in a)`), user functions, if/while/do/for, next/exit/return,
 * print/printf with `>`/`>>` to files and /dev/stderr, getline (plain, var, `< file`),
 * arithmetic with `^`, string functions (length substr index split sub gsub match sprintf
 * toupper tolower), math (int sqrt exp log sin cos atan2 rand srand). Not simulated: `|`
 * pipes to commands, system(), RS other than newline. Texts checked against mawk 1.3.4 and
 * busybox 1.35.
 */
import type { Program } from '../program';
import { complain, fsMessage, isFsError, parseOpts, resolvePath } from './common';
import { AwkSyntaxError } from './awk-lex';
import { parseAwk } from './awk-parse';
import { AwkRun, AwkRuntimeError, type Source } from './awk-run';
import { StrNum } from './awk-value';
import { RegexError } from './posix-regex';

export const awk: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const fatal = gnu ? 2 : 1;
  const p = parseOpts(io, { short: 'F:v:f:', stopAtOperand: true });
  if (typeof p === 'number') return gnu ? 2 : p;
  const operands = [...p.operands];
  let src: string | undefined;
  for (const o of p.opts) {
    if (o.key !== 'f') continue;
    const text = io.fs.read(resolvePath(io, o.value!));
    if (isFsError(text)) {
      complain(io, gnu ? `couldn't open file ${o.value}` : `can't open '${o.value}': ${fsMessage(text)}`);
      return fatal;
    }
    src = (src ?? '') + text + '\n';
  }
  if (src === undefined) {
    if (!operands.length) {
      io.err(gnu ? 'Usage: awk [Options] [Program] [file ...]\n' : '');
      return fatal;
    }
    src = operands.shift()!;
  }
  let run: AwkRun;
  try {
    run = new AwkRun(io, parseAwk(src));
  } catch (e) {
    if (e instanceof AwkSyntaxError) {
      const open = (src.match(/\{/g) ?? []).length - (src.match(/\}/g) ?? []).length;
      if (!gnu) complain(io, `cmd. line:${e.line}: Unexpected token`);
      else if (open > 0 && e.near === 'end of file') complain(io, `line ${e.line + 1}: missing } near end of file`);
      else if (open < 0 && e.near === '}') complain(io, `line ${e.line}: extra '}'`);
      else complain(io, `line ${e.line}: ${e.message}`);
      return fatal;
    }
    if (e instanceof RegexError) { complain(io, gnu ? `line 1: regular expression compile failed (${e.message})` : `cmd. line:1: ${e.message}`); return fatal; }
    throw e;
  }
  for (const o of p.opts) {
    if (o.key === 'F') run.globals.set('FS', unescape(o.value === 't' ? '\t' : o.value!));
    if (o.key === 'v') {
      const eq = o.value!.indexOf('=');
      if (eq < 1) { complain(io, gnu ? `improper assignment: -v ${o.value}` : `-v ${o.value}: not an assignment`); return fatal; }
      run.globals.set(o.value!.slice(0, eq), new StrNum(unescape(o.value!.slice(eq + 1))));
    }
  }
  // Operands are read after BEGIN; `var=value` among them takes effect when reached.
  const sources = (): Source[] => {
    const list: Source[] = [];
    let files = 0;
    for (const op of operands) {
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(op);
      if (assign) { run.globals.set(assign[1], new StrNum(unescape(assign[2]))); continue; }
      files++;
      const text = op === '-' ? io.stdin : io.fs.read(resolvePath(io, op));
      if (isFsError(text)) throw new AwkRuntimeError(gnu ? `cannot open ${op} (${fsMessage(text)})` : `${op}: ${fsMessage(text)}`);
      list.push({ name: op, text });
    }
    if (!files) list.push({ name: '-', text: io.stdin });
    return list;
  };
  try {
    return run.run(sources);
  } catch (e) {
    if (e instanceof AwkRuntimeError) { complain(io, e.message); return fatal; }
    if (e instanceof RegexError) { complain(io, `regular expression compile failed (${e.message})`); return fatal; }
    throw e;
  }
};

/** Escape sequences in -v values, -F and command-line assignments. */
function unescape(s: string): string {
  return s.replace(/\\([ntr\\"/]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/' } as Record<string, string>)[e]);
}
