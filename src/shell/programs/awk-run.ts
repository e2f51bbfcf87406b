/**
 * awk's interpreter: records and fields, POSIX comparison rules (numeric strings from input
 * compare as numbers), arrays, user functions, printf, output redirection to files and
 * /dev/stderr, getline from input or a file. Number output follows the userland: mawk
 * prints integers up to 2^31-1 as `%d`, busybox any integral value; others use OFMT (%.6g).
 */
import type { ProgramIO } from '../program';
import { resolvePath } from './common';
import { formatNumberG, sprintf } from './awk-format';
import type { AwkProgram, Expr, Stmt } from './awk-parse';
import { callBuiltin, getline } from './awk-builtins';
import { type Arr, cmp, NUMERIC, numericLike, splitFields, StrNum, toNumber, UNINIT, type Val } from './awk-value';
import { compile } from './posix-regex';


class Next {}
export class Exit { constructor(readonly code: number) {} }
class Break {}
class Continue {}
class Return { constructor(readonly v: Val) {} }
export class AwkRuntimeError extends Error {}

export interface Source { name: string; text: string }

export class AwkRun {
  readonly globals = new Map<string, Val | Arr>();
  private frames: Array<Map<string, Val | Arr>> = [];
  /** $0. */
  record = '';
  private fields: string[] | undefined;
  private ranges = new Map<number, boolean>();
  outputs = new Map<string, boolean>();
  fileCursors = new Map<string, { lines: string[]; at: number }>();
  private steps = 0;
  private regexCache = new Map<string, RegExp>();
  input: { sources: Source[]; at: number; lines: string[]; line: number } = { sources: [], at: -1, lines: [], line: 0 };
  randSeed = 0;

  constructor(readonly io: ProgramIO, private prog: AwkProgram) {
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', SUBSEP: '\x1c', NR: 0, NF: 0, FNR: 0, RSTART: 0, RLENGTH: -1, FILENAME: '', CONVFMT: '%.6g', OFMT: '%.6g' })) {
      this.globals.set(k, v);
    }
    this.globals.set('ENVIRON', new Map([...io.env].map(([k, v]) => [k, new StrNum(v)])));
  }

  /** Runs BEGIN, the main loop over `sources`, END; returns the exit status. */
  run(sources: () => Source[]): number {
    let code = 0;
    try {
      try {
        for (const b of this.prog.begin) this.exec(b);
        if (this.prog.rules.length || this.prog.end.length) {
          this.input.sources = sources();
          for (let rec = this.nextRecord(); rec !== undefined; rec = this.nextRecord()) {
            this.setRecord(rec);
            try { this.rules(); } catch (e) { if (!(e instanceof Next)) throw e; }
          }
        }
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        code = e.code;
      }
      for (const b of this.prog.end) this.exec(b);
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
      code = e.code;
    }
    return code;
  }

  private rules(): void {
    this.prog.rules.forEach((r, idx) => {
      let hit: boolean;
      if (r.pattern2) {
        const on = this.ranges.get(idx) ?? false;
        hit = on || this.truthy(this.eval(r.pattern!));
        if (hit) this.ranges.set(idx, !this.truthy(this.eval(r.pattern2)));
      } else hit = !r.pattern || this.truthy(this.eval(r.pattern));
      if (!hit) return;
      if (r.body) this.exec(r.body);
      else this.output(this.record + this.str(this.get('ORS')), undefined);
    });
  }

  nextRecord(): string | undefined {
    const inp = this.input;
    while (inp.line >= inp.lines.length) {
      if (++inp.at >= inp.sources.length) return undefined;
      const src = inp.sources[inp.at];
      inp.lines = src.text === '' ? [] : src.text.replace(/\n$/, '').split('\n');
      inp.line = 0;
      this.globals.set('FILENAME', src.name);
      this.globals.set('FNR', 0);
    }
    this.globals.set('NR', this.num(this.get('NR')) + 1);
    this.globals.set('FNR', this.num(this.get('FNR')) + 1);
    return inp.lines[inp.line++];
  }

  setRecord(text: string): void {
    this.record = text;
    this.fields = undefined;
  }

  private split(): string[] {
    if (!this.fields) {
      this.fields = splitFields(this.record, this.str(this.get('FS')), (re) => this.regex(re));
      this.globals.set('NF', this.fields.length);
    }
    return this.fields;
  }

  private rebuild(): void {
    this.record = this.split().join(this.str(this.get('OFS')));
  }

  exec(s: Stmt): void {
    if (++this.steps > 5_000_000) throw new AwkRuntimeError('program stopped after 5000000 steps (the playground bounds loops)');
    switch (s.k) {
      case 'expr': this.eval(s.e); return;
      case 'block': for (const b of s.body) this.exec(b); return;
      case 'print': {
        let text: string;
        if (s.printf) {
          const [fmt, ...rest] = s.args.map((a) => this.eval(a));
          text = this.sprintf('printf', fmt ?? '', rest);
        } else {
          const parts = s.args.length ? s.args.map((a) => this.outStr(this.eval(a))) : [this.record];
          text = parts.join(this.str(this.get('OFS'))) + this.str(this.get('ORS'));
        }
        this.output(text, s.redirect && { op: s.redirect.op, name: this.str(this.eval(s.redirect.e)) });
        return;
      }
      case 'if': if (this.truthy(this.eval(s.c))) this.exec(s.t); else if (s.f) this.exec(s.f); return;
      case 'while': while (this.truthy(this.eval(s.c))) { if (this.loopBody(s.body)) break; } return;
      case 'do': do { if (this.loopBody(s.body)) break; } while (this.truthy(this.eval(s.c))); return;
      case 'for':
        if (s.init) this.exec(s.init);
        while (!s.c || this.truthy(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case 'forin':
        for (const key of [...this.array(s.arr).keys()]) {
          this.assign(s.v, new StrNum(key));
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'next': throw new Next();
      case 'break': throw new Break();
      case 'continue': throw new Continue();
      case 'exit': throw new Exit(s.e ? Math.trunc(this.num(this.eval(s.e))) & 255 : 0);
      case 'return': throw new Return(s.e ? this.eval(s.e) : UNINIT);
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.key(s.subs));
        else this.array(s.name).clear();
    }
  }

  /** Runs a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try { this.exec(body); } catch (e) {
      if (e instanceof Break) return true;
      if (!(e instanceof Continue)) throw e;
    }
    return false;
  }

  private output(text: string, redirect: { op: string; name: string } | undefined): void {
    if (!redirect || redirect.name === '/dev/stdout' || redirect.name === '-') { this.io.out(text); return; }
    if (redirect.name === '/dev/stderr') { this.io.err(text); return; }
    if (redirect.op === '|') { this.io.err(`awk: pipes to commands are not simulated: ${redirect.name}\n`); return; }
    const append = redirect.op === '>>' || this.outputs.has(redirect.name);
    this.outputs.set(redirect.name, true);
    this.io.fs.write(resolvePath(this.io, redirect.name), text, append);
  }

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 're': return this.regex(e.v).test(this.record) ? 1 : 0;
      case 'var': case 'field': case 'index': return this.value(e);
      case 'group': return this.eval(e.list[e.list.length - 1]);
      case 'assign': {
        const v = this.eval(e.e);
        if (e.op === '=') return this.assign(e.target, v);
        return this.assign(e.target, this.arith(e.op.slice(0, -1), this.num(this.value(e.target)), this.num(v)));
      }
      case 'cond': return this.eval(this.truthy(this.eval(e.c)) ? e.a : e.b);
      case 'unary': {
        const v = this.eval(e.e);
        return e.op === '!' ? (this.truthy(v) ? 0 : 1) : e.op === '-' ? -this.num(v) : this.num(v);
      }
      case 'bin': return this.binary(e.op, e.a, e.b);
      case 'match': {
        const re = e.re.k === 're' ? this.regex(e.re.v) : this.regex(this.str(this.eval(e.re)));
        return re.test(this.str(this.eval(e.e))) !== e.neg ? 1 : 0;
      }
      case 'in': return this.array(e.name).has(this.key(e.subs)) ? 1 : 0;
      case 'incdec': {
        const old = this.num(this.value(e.target));
        const nv = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'call': return callBuiltin(this, e.name, e.args);
      case 'ucall': return this.call(e.name, e.args);
      case 'getline': return getline(this, e.target, e.file);
    }
  }

  private binary(op: string, ea: Expr, eb: Expr): Val {
    if (op === '&&') return this.truthy(this.eval(ea)) && this.truthy(this.eval(eb)) ? 1 : 0;
    if (op === '||') return this.truthy(this.eval(ea)) || this.truthy(this.eval(eb)) ? 1 : 0;
    const a = this.eval(ea);
    const b = this.eval(eb);
    if (op === 'concat') return this.str(a) + this.str(b);
    if (['<', '<=', '>', '>=', '==', '!='].includes(op)) {
      const c = numericLike(a) && numericLike(b) ? Math.sign(this.num(a) - this.num(b)) : cmp(this.str(a), this.str(b));
      return ({ '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 } as Record<string, boolean>)[op] ? 1 : 0;
    }
    return this.arith(op, this.num(a), this.num(b));
  }

  /** A run-time error: mawk names the input position, busybox the program line. */
  fail(mawk: string, busybox: string): never {
    if (this.io.userland === 'busybox') throw new AwkRuntimeError(`cmd. line:1: ${busybox}`);
    const pos = `FILENAME="${this.str(this.get('FILENAME'))}" FNR=${this.str(this.get('FNR'))} NR=${this.str(this.get('NR'))}`;
    throw new AwkRuntimeError(`run time error: ${mawk}\n\t${pos}`);
  }

  private arith(op: string, a: number, b: number): number {
    if ((op === '/' || op === '%') && b === 0 && this.io.userland === 'busybox') this.fail('division by zero', 'Division by zero');
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return a / b;
      case '%': return a % b;
      default: return a ** b;
    }
  }

  value(e: Expr): Val {
    if (e.k === 'field') {
      const i = Math.trunc(this.num(this.eval(e.e)));
      if (i < 0) this.fail(`negative field index $${i}`, 'Access to negative field');
      if (i === 0) return new StrNum(this.record);
      return new StrNum(this.split()[i - 1] ?? '');
    }
    if (e.k === 'index') return this.array(e.name).get(this.key(e.subs)) ?? UNINIT;
    if (e.k === 'var') {
      if (e.name === 'NF') { this.split(); }
      const v = this.lookup(e.name);
      if (v instanceof Map) throw new AwkRuntimeError(`can't use array ${e.name} in scalar context`);
      return v ?? UNINIT;
    }
    return this.eval(e);
  }

  assign(target: Expr, v: Val): Val {
    if (target.k === 'field') {
      const i = Math.trunc(this.num(this.eval(target.e)));
      if (i === 0) { this.setRecord(this.str(v)); return v; }
      const f = this.split();
      while (f.length < i) f.push('');
      f[i - 1] = this.str(v);
      this.globals.set('NF', f.length);
      this.rebuild();
      return v;
    }
    if (target.k === 'index') { this.array(target.name).set(this.key(target.subs), v); return v; }
    if (target.k === 'var') {
      if (target.name === 'NF') {
        const f = this.split();
        const n = Math.trunc(this.num(v));
        f.length = n;
        for (let k = 0; k < n; k++) f[k] ??= '';
        this.globals.set('NF', n);
        this.rebuild();
        return v;
      }
      const frame = this.frames[this.frames.length - 1];
      if (frame?.has(target.name)) frame.set(target.name, v);
      else this.globals.set(target.name, v);
    }
    return v;
  }

  lookup(name: string): Val | Arr | undefined {
    const frame = this.frames[this.frames.length - 1];
    return frame?.has(name) ? frame.get(name) : this.globals.get(name);
  }

  array(name: string): Arr {
    const v = this.lookup(name);
    if (v instanceof Map) return v;
    const arr: Arr = new Map();
    const frame = this.frames[this.frames.length - 1];
    if (frame?.has(name)) frame.set(name, arr); else this.globals.set(name, arr);
    return arr;
  }

  private key(subs: Expr[]): string {
    return subs.map((s) => this.str(this.eval(s))).join(this.str(this.get('SUBSEP')));
  }

  get(name: string): Val {
    return (this.globals.get(name) as Val) ?? UNINIT;
  }

  private call(name: string, args: Expr[]): Val {
    const f = this.prog.funcs.get(name);
    if (!f) throw new AwkRuntimeError(`function ${name} never defined`);
    const frame = new Map<string, Val | Arr>();
    f.params.forEach((p, i) => {
      const a = args[i];
      if (a?.k === 'var' && this.lookup(a.name) instanceof Map) frame.set(p, this.lookup(a.name) as Arr);
      else if (a) frame.set(p, this.eval(a));
      else frame.set(p, UNINIT);
    });
    this.frames.push(frame);
    try { this.exec(f.body); } catch (e) { if (e instanceof Return) return e.v; throw e; } finally { this.frames.pop(); }
    return UNINIT;
  }

  /** Missing arguments: busybox uses "" and 0, mawk stops (`not enough arguments passed to printf(…)`). */
  sprintf(name: string, fmt: Val, args: Val[]): string {
    const f = this.str(fmt);
    const missing = (v: unknown) => {
      if (v === undefined && this.io.userland === 'gnu') this.fail(`not enough arguments passed to ${name}("${f}")`, '');
      return v === undefined;
    };
    return sprintf(f, args, (v) => (missing(v) ? 0 : this.num(v as Val)), (v) => (missing(v) ? '' : this.str(v as Val)));
  }

  regex(src: string): RegExp {
    let re = this.regexCache.get(src);
    if (!re) { re = compile(src, true); this.regexCache.set(src, re); }
    return re;
  }

  truthy(v: Val): boolean {
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    return NUMERIC.test(v.s) ? Number(v.s.trim()) !== 0 : v.s !== '';
  }

  num(v: Val): number {
    return typeof v === 'number' ? v : toNumber(typeof v === 'string' ? v : v.s);
  }

  str(v: Val): string {
    if (typeof v === 'string') return v;
    if (v instanceof StrNum) return v.s;
    return this.numStr(v, this.str(this.get('CONVFMT')));
  }

  private outStr(v: Val): string {
    return typeof v === 'number' ? this.numStr(v, this.str(this.get('OFMT'))) : this.str(v);
  }

  private numStr(v: number, fmt: string): string {
    const intLimit = this.io.userland === 'busybox' ? 2 ** 63 : 2 ** 31 - 1;
    if (Number.isInteger(v) && Math.abs(v) < intLimit) return v.toLocaleString('en-US', { useGrouping: false });
    return fmt === '%.6g' ? formatNumberG(v) : sprintf(fmt, [v], (x) => x as number, String);
  }
}
