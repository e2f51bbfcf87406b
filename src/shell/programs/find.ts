/**
 * find [PATH]... [EXPRESSION] — GNU findutils 4.9 (find/parser.c texts) and busybox
 * findutils/find.c, checked against both. Primaries: -name -iname -path -ipath -type -size
 * -empty -mmin -mtime -newer -maxdepth -mindepth -print -print0 -exec … ; / + -delete -prune
 * -quit, with ! -not -a -and -o -or ( ). Directories are walked in byte order, not readdir's.
 */
import type { Program, ProgramIO } from '../program';
import { complain, fsMessage, isFsError, resolvePath, usageError } from './common';
import { globToRegExp } from './glob';
import { runCommand } from './run-command';
import { type Visit, walk } from './walk';

type Test = (v: Visit, ctx: Ctx) => boolean;
interface Ctx { prune: boolean; quit: boolean; batches: Map<string[], string[]>; code: number }

class FindError extends Error {
  constructor(message: string, readonly usage = false) { super(message); }
}

export const find: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const args = io.argv.slice(1);
  while (/^-[HLP]$/.test(args[0] ?? '')) args.shift();
  const firstExpr = args.findIndex((a) => /^[-!(]/.test(a) && a !== '-');
  const paths = firstExpr < 0 ? args : args.slice(0, firstExpr);
  const exprArgs = firstExpr < 0 ? [] : args.slice(firstExpr);
  let expr: Test;
  const limits = { max: Infinity, min: 0 };
  let hasAction = false;
  try {
    const parser = new Parser(io, exprArgs, limits, () => { hasAction = true; });
    expr = parser.parse();
  } catch (e) {
    if (!(e instanceof FindError)) throw e;
    if (e.usage && !gnu) { complain(io, e.message); return usageError(io, 1); }
    complain(io, e.message);
    return 1;
  }
  const ctx: Ctx = { prune: false, quit: false, batches: new Map(), code: 0 };
  for (const path of paths.length ? paths : ['.']) {
    const abs = resolvePath(io, path);
    const stat = io.fs.stat(abs);
    if (isFsError(stat)) {
      complain(io, gnu ? `'${path}': ${fsMessage(stat)}` : `${path}: ${fsMessage(stat)}`);
      ctx.code = 1;
      continue;
    }
    const skip = new Set<string>();
    for (const v of walk(io.fs, path, abs)) {
      if ([...skip].some((s) => v.abs.startsWith(s + '/'))) continue;
      if (v.depth > limits.max) continue;
      ctx.prune = false;
      const matched = v.depth >= limits.min && expr(v, ctx);
      if (matched && !hasAction) io.out(v.path + '\n');
      if (ctx.quit) break;
      if (ctx.prune || v.depth >= limits.max) skip.add(v.abs);
    }
    if (ctx.quit) break;
  }
  for (const [cmd, names] of ctx.batches) {
    const argv = cmd.flatMap((a) => (a === '{}' ? names : [a]));
    if (runCommand(io, argv, '', io.env, 'xargs') !== 0) ctx.code = 1;
  }
  return ctx.code;
};

class Parser {
  private i = 0;
  constructor(private io: ProgramIO, private args: string[], private limits: { max: number; min: number }, private action: () => void) {}

  parse(): Test {
    if (!this.args.length) return () => true;
    const t = this.or();
    if (this.i < this.args.length) throw new FindError(this.gnu ? `paths must precede expression: \`${this.args[this.i]}'` : `unrecognized: ${this.args[this.i]}`, true);
    return t;
  }

  private get gnu(): boolean { return this.io.userland === 'gnu'; }

  private or(): Test {
    let left = this.and();
    while (this.args[this.i] === '-o' || this.args[this.i] === '-or') {
      this.i++;
      const [l, r] = [left, this.and()];
      left = (v, c) => l(v, c) || r(v, c);
    }
    return left;
  }

  private and(): Test {
    let left = this.not();
    for (;;) {
      const a = this.args[this.i];
      if (a === undefined || a === '-o' || a === '-or' || a === ')') return left;
      if (a === '-a' || a === '-and') this.i++;
      const [l, r] = [left, this.not()];
      left = (v, c) => l(v, c) && r(v, c);
    }
  }

  private not(): Test {
    const a = this.args[this.i];
    if (a === '!' || a === '-not') { this.i++; const t = this.not(); return (v, c) => !t(v, c); }
    if (a === '(') {
      this.i++;
      const t = this.or();
      if (this.args[this.i++] !== ')') throw new FindError(this.gnu ? "invalid expression; I was expecting to find a ')' somewhere but did not see one." : 'unrecognized: (', true);
      return t;
    }
    return this.primary();
  }

  private value(name: string): string {
    const v = this.args[this.i++];
    if (v === undefined) throw new FindError(this.gnu ? `missing argument to \`${name}'` : `${name} requires an argument`);
    return v;
  }

  private primary(): Test {
    const name = this.args[this.i++];
    const now = this.io.sys.now();
    switch (name) {
      case '-name': case '-iname': {
        const re = globToRegExp(this.value(name), name === '-iname');
        return (v) => re.test(v.path === '/' ? '/' : v.path.replace(/\/+$/, '').split('/').pop()!);
      }
      case '-path': case '-ipath': case '-wholename': {
        const re = globToRegExp(this.value(name), name === '-ipath');
        return (v) => re.test(v.path);
      }
      case '-type': {
        const t = this.value(name);
        if (!/^[fdlbcsp]$/.test(t)) throw new FindError(this.gnu ? `Unknown argument to -type: ${t}` : `invalid argument '${t}' to '-type'`);
        return (v) => (t === 'f' ? v.stat.type === 'file' : t === 'd' ? v.stat.type === 'dir' : t === 'l' ? v.stat.type === 'symlink' : false);
      }
      case '-maxdepth': case '-mindepth': {
        const n = this.value(name);
        if (!/^\d+$/.test(n)) throw new FindError(this.gnu ? `Expected a positive decimal integer argument to ${name}, but got '${n}'` : `invalid number '${n}'`);
        if (name === '-maxdepth') this.limits.max = Number(n); else this.limits.min = Number(n);
        return () => true;
      }
      case '-size': {
        const raw = this.value(name);
        const m = /^([+-]?)(\d+)([bckwMG]?)$/.exec(raw);
        if (!m) throw new FindError(this.gnu ? `invalid -size type \`${raw}'` : `invalid number '${raw}'`);
        const unit = { '': 512, b: 512, c: 1, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[3]]!;
        const n = Number(m[2]);
        // GNU rounds the size up to whole units first; busybox compares bytes.
        const size = (v: Visit) => (this.gnu ? Math.ceil(v.stat.size / unit) : v.stat.size / unit);
        return (v) => (m[1] === '+' ? size(v) > n : m[1] === '-' ? size(v) < n : Math.ceil(v.stat.size / unit) === n);
      }
      case '-empty':
        return (v) => (v.stat.type === 'dir' ? (this.io.fs.list(v.abs) as string[]).length === 0 : v.stat.size === 0);
      case '-mmin': case '-mtime': {
        const raw = this.value(name);
        const m = /^([+-]?)(\d+)$/.exec(raw);
        if (!m) throw new FindError(this.gnu ? `invalid argument \`${raw}' to \`${name}'` : `invalid number '${raw}'`);
        const unit = name === '-mmin' ? 60_000 : 86_400_000;
        const n = Number(m[2]);
        return (v) => {
          const age = Math.ceil((now - v.stat.mtime) / unit) - (name === '-mtime' ? 1 : 0);
          return m[1] === '+' ? age > n : m[1] === '-' ? age < n : age === n;
        };
      }
      case '-newer': {
        const ref = this.value(name);
        const s = this.io.fs.stat(resolvePath(this.io, ref));
        if (isFsError(s)) throw new FindError(this.gnu ? `'${ref}': ${fsMessage(s)}` : `${ref}: ${fsMessage(s)}`);
        return (v) => v.stat.mtime > s.mtime;
      }
      case '-print': case '-print0': {
        this.action();
        const end = name === '-print' ? '\n' : '\0';
        return (v) => { this.io.out(v.path + end); return true; };
      }
      case '-delete':
        this.action();
        return (v) => { this.io.fs.remove(v.abs, false); return true; };
      case '-prune': return (_v, c) => { c.prune = true; return true; };
      case '-quit': return (_v, c) => { c.quit = true; return true; };
      case '-true': return () => true;
      case '-false': return () => false;
      case '-exec': case '-ok': return this.exec(name);
      default:
        throw new FindError(this.gnu ? `unknown predicate \`${name}'` : `unrecognized: ${name}`, true);
    }
  }

  private exec(name: string): Test {
    this.action();
    const cmd: string[] = [];
    for (;;) {
      const a = this.args[this.i++];
      if (a === undefined) throw new FindError(this.gnu ? `missing argument to \`${name}'` : `${name} requires an argument`);
      if (a === ';') break;
      if (a === '+' && cmd[cmd.length - 1] === '{}') {
        return (v, c) => { const list = c.batches.get(cmd) ?? []; list.push(v.path); c.batches.set(cmd, list); return true; };
      }
      cmd.push(a);
    }
    if (!cmd.length) throw new FindError(this.gnu ? `missing argument to \`${name}'` : `${name} requires an argument`);
    return (v) => runCommand(this.io, cmd.map((a) => a.replaceAll('{}', v.path)), '', this.io.env, 'xargs') === 0;
  }
}
