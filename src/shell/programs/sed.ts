/**
 * sed [-nErs] [-i[SUFFIX]] [-e SCRIPT]... [-f FILE]... [SCRIPT] [FILE]... — GNU sed 4.9
 * (execute.c) and busybox editors/sed.c, texts checked against both. The script language is
 * sed-parse.ts's; replacements take `&`, `\1`…`\9`, `\n` and GNU's `\U \L \u \l \E`.
 */
import type { Program, ProgramIO } from '../program';
import { complain, fsMessage, has, isFsError, parseOpts, readInput, resolvePath, usageError } from './common';
import { type Addr, type Cmd, parseScript, SedError } from './sed-parse';

interface Input { lines: string[]; /** Whether the last line ended with a newline. */ finalNewline: boolean; file?: string }

export const sed: Program = (io) => {
  const gnu = io.userland === 'gnu';
  // -i takes an optional suffix glued to it; getopt here has no optional arguments.
  const args = io.argv.slice(1).map((a) => (/^-i./.test(a) || a.startsWith('--in-place=') ? '-i' : a));
  const p = parseOpts(io, {
    short: 'ne:f:iErsuz',
    long: gnu ? { quiet: 'n', silent: 'n', 'expression=': 'e', 'file=': 'f', 'in-place': 'i', 'regexp-extended': 'E', separate: 's', debug: 'debug', posix: 'posix' } : undefined,
  }, args);
  if (typeof p === 'number') return p;
  const operands = [...p.operands];
  const pieces: string[] = [];
  for (const o of p.opts) {
    if (o.key === 'e') pieces.push(o.value!);
    if (o.key === 'f') {
      const text = readInput(io, o.value!, (n, e) => `couldn't open file ${n}: ${fsMessage(e)}`, (n, e) => `can't open '${n}': ${fsMessage(e)}`);
      if (text === undefined) return 1;
      pieces.push(text.replace(/\n$/, ''));
    }
  }
  if (!pieces.length) {
    if (!operands.length) {
      if (gnu) { io.err('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n'); return 1; }
      return usageError(io, 1);
    }
    pieces.push(operands.shift()!);
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(pieces.join('\n'), has(p, 'E') || has(p, 'r'), io.userland);
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    complain(io, gnu && e.char !== undefined ? `-e expression #1, char ${e.char}: ${e.message}` : e.message);
    return 1;
  }
  const inPlace = has(p, 'i');
  if (inPlace && !operands.length) { complain(io, 'no input files'); return 1; }
  let code = 0;
  const inputs: Input[] = [];
  for (const name of operands.length ? operands : ['-']) {
    const text = readInput(io, name, (n, e) => `can't read ${n}: ${fsMessage(e)}`, (n, e) => `${n}: ${fsMessage(e)}`);
    if (text === undefined) { code = gnu ? 2 : 1; continue; }
    inputs.push({ lines: text === '' ? [] : text.replace(/\n$/, '').split('\n'), finalNewline: text.endsWith('\n'), file: name === '-' ? undefined : name });
  }
  const quiet = has(p, 'n');
  if (inPlace || has(p, 's')) {
    for (const input of inputs) {
      let out = '';
      const run = new Run(io, cmds, [input], quiet, inPlace ? (t) => { out += t; } : (t) => io.out(t));
      const status = run.execute();
      if (inPlace && input.file) io.fs.write(resolvePath(io, input.file), out, false);
      if (run.quit) return status;
    }
    return code;
  }
  const status = new Run(io, cmds, inputs, quiet, (t) => io.out(t)).execute();
  return status || code;
};

class Run {
  private hold = '';
  private lastRe: RegExp | undefined;
  private active = new Map<Cmd, number>();
  private queue: string[] = [];
  private lineNo = 0;
  private pos = { input: 0, line: 0 };
  quit = false;

  constructor(private io: ProgramIO, private cmds: Cmd[], private inputs: Input[], private quiet: boolean, private write: (t: string) => void) {}

  execute(): number {
    let ps: string | undefined;
    let restart = false;
    while (restart || (ps = this.next()) !== undefined) {
      const cycle = this.cycle(ps!);
      restart = false;
      if (cycle.kind === 'restart') { ps = cycle.ps; restart = true; continue; }
      if (cycle.kind === 'quit') return cycle.status;
    }
    return 0;
  }

  private cycle(start: string): { kind: 'next' } | { kind: 'restart'; ps: string } | { kind: 'quit'; status: number } {
    let ps = start;
    let substituted = false;
    for (let pc = 0; pc < this.cmds.length; pc++) {
      const c = this.cmds[pc];
      if (c.name === ':' || c.name === '}') continue;
      if (!this.selected(c, ps)) { if (c.name === '{') pc = c.jump!; continue; }
      switch (c.name) {
        case '{': break;
        case 'p': this.write(ps + '\n'); break;
        case 'P': this.write(ps.split('\n')[0] + '\n'); break;
        case '=': this.write(`${this.lineNo}\n`); break;
        case 'd': this.flush(); return { kind: 'next' };
        case 'D': {
          const nl = ps.indexOf('\n');
          if (nl < 0) { this.flush(); return { kind: 'next' }; }
          this.flush();
          return { kind: 'restart', ps: ps.slice(nl + 1) };
        }
        case 'h': this.hold = ps; break;
        case 'H': this.hold += '\n' + ps; break;
        case 'g': ps = this.hold; break;
        case 'G': ps += '\n' + this.hold; break;
        case 'x': [ps, this.hold] = [this.hold, ps]; break;
        case 'z': ps = ''; break;
        case 'n': case 'N': {
          if (!this.hasNext()) {
            if (c.name === 'n' || this.io.userland === 'gnu') this.end(ps);
            return { kind: 'quit', status: 0 };
          }
          if (c.name === 'n') { this.end(ps); ps = this.next()!; } else ps += '\n' + this.next()!;
          break;
        }
        case 'a': this.queue.push(c.text! + '\n'); break;
        case 'i': this.write(c.text! + '\n'); break;
        case 'c':
          if (!c.a2 || !this.active.has(c)) this.write(c.text! + '\n');
          this.flush();
          return { kind: 'next' };
        case 'r': {
          const t = this.io.fs.read(resolvePath(this.io, c.text!));
          if (!isFsError(t)) this.queue.push(t);
          break;
        }
        case 'w': this.io.fs.write(resolvePath(this.io, c.text!), ps + '\n', true); break;
        case 'l': this.write(ps.replace(/\\/g, '\\\\').replace(/\t/g, '\\t') + '$\n'); break;
        case 'y': ps = [...ps].map((ch) => { const k = [...c.text!].indexOf(ch); return k < 0 ? ch : [...c.to!][k]; }).join(''); break;
        case 's': {
          const r = this.substitute(c, ps);
          if (r !== undefined) {
            ps = r;
            substituted = true;
            if (c.print) this.write(ps + '\n');
            if (c.text) this.io.fs.write(resolvePath(this.io, c.text), ps + '\n', true);
          }
          break;
        }
        case 'b': pc = c.jump! - 1; break;
        case 't': if (substituted) { substituted = false; pc = c.jump! - 1; } break;
        case 'T': if (!substituted) pc = c.jump! - 1; else substituted = false; break;
        case 'q': this.end(ps); this.quit = true; return { kind: 'quit', status: c.status ?? 0 };
        case 'Q': this.quit = true; return { kind: 'quit', status: c.status ?? 0 };
      }
    }
    this.end(ps);
    return { kind: 'next' };
  }

  /** End of cycle: autoprint (the last line keeps a missing newline), then appended text. */
  private end(ps: string): void {
    if (!this.quiet) {
      const lastOfAll = !this.hasNext() && !this.inputs[this.inputs.length - 1]?.finalNewline;
      this.write(ps + (lastOfAll ? '' : '\n'));
    }
    this.flush();
  }

  private flush(): void {
    for (const t of this.queue) this.write(t);
    this.queue = [];
  }

  private substitute(c: Cmd, ps: string): string | undefined {
    const re = c.emptyRe ? this.lastRe : c.re;
    if (!re) return undefined;
    this.lastRe = re;
    re.lastIndex = 0;
    let out = '';
    let last = 0;
    let n = 0;
    let done = false;
    for (let m = re.exec(ps); m; m = re.exec(ps)) {
      n++;
      const wanted = c.occurrence ? n >= c.occurrence && (c.global || n === c.occurrence) : c.global || n === 1;
      if (wanted) {
        out += ps.slice(last, m.index) + expand(c.replacement!, m);
        last = m.index + m[0].length;
        done = true;
        if (!c.global) break;
      }
      if (m[0] === '') re.lastIndex++;
    }
    return done ? out + ps.slice(last) : undefined;
  }

  private selected(c: Cmd, ps: string): boolean {
    return this.matches(c, ps) !== c.neg;
  }

  private matches(c: Cmd, ps: string): boolean {
    if (!c.a1) return true;
    if (!c.a2) return this.hit(c.a1, ps);
    const start = this.active.get(c);
    if (start === undefined) {
      if (!this.hit(c.a1, ps)) return false;
      const a2 = c.a2;
      const endsNow = (a2.kind === 'line' && a2.n <= this.lineNo) || (a2.kind === 'plus' && a2.n === 0);
      if (!endsNow) this.active.set(c, this.lineNo);
      return true;
    }
    const a2 = c.a2;
    const end = a2.kind === 'line' ? this.lineNo >= a2.n : a2.kind === 'plus' ? this.lineNo >= start + a2.n : this.hit(a2, ps);
    if (end) this.active.delete(c);
    return true;
  }

  private hit(a: Addr, ps: string): boolean {
    switch (a.kind) {
      case 'line': return this.lineNo === a.n;
      case 'last': return !this.hasNext();
      case 'step': return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      case 'plus': return false;
      case 're': {
        const re = a.re ?? this.lastRe;
        if (!re) return false;
        this.lastRe = re;
        re.lastIndex = 0;
        return re.test(ps);
      }
    }
  }

  private next(): string | undefined {
    while (this.pos.input < this.inputs.length) {
      const input = this.inputs[this.pos.input];
      if (this.pos.line < input.lines.length) {
        this.lineNo++;
        return input.lines[this.pos.line++];
      }
      this.pos = { input: this.pos.input + 1, line: 0 };
    }
    return undefined;
  }

  private hasNext(): boolean {
    for (let i = this.pos.input; i < this.inputs.length; i++) {
      if ((i === this.pos.input ? this.pos.line : 0) < this.inputs[i].lines.length) return true;
    }
    return false;
  }
}

/** The replacement with `&`, `\N`, `\n` and GNU's case conversions. */
function expand(repl: string, m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | '' = '';
  let once: 'u' | 'l' | '' = '';
  const add = (s: string) => {
    for (const ch of s) {
      let c = mode === 'U' ? ch.toUpperCase() : mode === 'L' ? ch.toLowerCase() : ch;
      if (once) { c = once === 'u' ? c.toUpperCase() : c.toLowerCase(); once = ''; }
      out += c;
    }
  };
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '&') { add(m[0]); continue; }
    if (c !== '\\' || i + 1 >= repl.length) { add(c); continue; }
    const d = repl[++i];
    if (/\d/.test(d)) add(m[Number(d)] ?? '');
    else if (d === 'n') add('\n');
    else if (d === 't') add('\t');
    else if (d === 'U' || d === 'L') mode = d;
    else if (d === 'E') mode = '';
    else if (d === 'u' || d === 'l') once = d;
    else add(d);
  }
  return out;
}
