/**
 * sed's script parser (GNU sed 4.9 compile.c and busybox editors/sed.c texts): addresses
 * (N, $, /RE/I, \cREc, first~step, A,B, A,+N, !), blocks, labels, and the commands
 * s y p P d D n N q Q = a i c h H g G x b t T r w l. GNU errors say
 * `-e expression #1, char N: …` (N = characters read), busybox just the message.
 */
import type { Userland } from '../program';
import { compile, RegexError } from './posix-regex';

export type Addr =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 're'; re: RegExp | undefined }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'plus'; n: number };

export interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  name: string;
  /** s: pattern (undefined = the last regex used), replacement, flags. */
  re?: RegExp;
  emptyRe?: boolean;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  /** a/i/c text, b/t/T label, r/w file, y source. */
  text?: string;
  /** y target. */
  to?: string;
  /** q/Q exit status. */
  status?: number;
  /** `{`: index of its `}`; b/t/T: index to jump to. */
  jump?: number;
}

export class SedError extends Error {
  constructor(message: string, readonly char?: number) { super(message); }
}

export function parseScript(src: string, extended: boolean, userland: Userland): Cmd[] {
  return new Parser(src, extended, userland).parse();
}

class Parser {
  private i = 0;
  private cmds: Cmd[] = [];
  private gnu: boolean;
  constructor(private src: string, private extended: boolean, userland: Userland) { this.gnu = userland === 'gnu'; }

  parse(): Cmd[] {
    const open: number[] = [];
    for (;;) {
      this.skip(/[\s;]/);
      if (this.peek() === '#') { this.rest(/\n/); continue; }
      if (this.i >= this.src.length) break;
      const cmd: Cmd = { neg: false, name: '' };
      cmd.a1 = this.address();
      if (cmd.a1 && this.peek() === ',') {
        this.i++;
        this.skip(/[ \t]/);
        cmd.a2 = this.peek() === '+' ? (this.i++, { kind: 'plus', n: this.number() }) : this.address();
        if (!cmd.a2) this.fail('unexpected `,\'', 'unexpected ,');
      }
      this.skip(/[ \t]/);
      while (this.peek() === '!') { cmd.neg = true; this.i++; this.skip(/[ \t]/); }
      if (this.i >= this.src.length) this.fail('missing command', 'missing command');
      const name = this.src[this.i++];
      cmd.name = name;
      if (name === '}') {
        if (cmd.a1 || !open.length) {
          if (this.gnu) this.fail('unexpected `}\'');
          continue;
        }
        this.cmds[open.pop()!].jump = this.cmds.length;
      }
      this.body(cmd, open);
      this.cmds.push(cmd);
    }
    if (open.length) {
      if (this.gnu) throw new SedError('unmatched `{\'', 0);
      for (const o of open) this.cmds[o].jump = this.cmds.length;
    }
    this.resolveLabels();
    return this.cmds;
  }

  private body(cmd: Cmd, open: number[]): void {
    switch (cmd.name) {
      case '{': open.push(this.cmds.length); return;
      case '}': case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'x': case 'n': case 'N':
      case 'p': case 'P': case 'l': case 'z': this.end(); return;
      case 'q': case 'Q': this.skip(/[ \t]/); cmd.status = /\d/.test(this.peek()) ? this.number() : 0; this.end(); return;
      case ':': {
        const label = this.rest(/[;\n]/).trim();
        if (!label) this.fail('":" lacks a label', 'missing label');
        cmd.text = label;
        return;
      }
      case 'b': case 't': case 'T': cmd.text = this.rest(/[;\n}]/).trim(); return;
      case 'r': case 'R': case 'w': case 'W': cmd.text = this.rest(/\n/).trim(); return;
      case 'a': case 'i': case 'c': cmd.text = this.text(); return;
      case 's': this.substitute(cmd); return;
      case 'y': {
        const delim = this.src[this.i++];
        const from = this.delimited(delim, false).replace(/\\n/g, '\n');
        const to = this.delimited(delim, false).replace(/\\n/g, '\n');
        if ([...from].length !== [...to].length) this.fail('strings for `y\' command are different lengths', 'strings for y command are different lengths');
        [cmd.text, cmd.to] = [from, to];
        this.end();
        return;
      }
      default:
        this.fail(`unknown command: \`${cmd.name}'`, `unsupported command ${cmd.name}`);
    }
  }

  private substitute(cmd: Cmd): void {
    const delim = this.src[this.i++];
    if (delim === undefined || delim === '\n' || delim === '\\') this.fail('unterminated `s\' command', `unmatched '${delim ?? ''}'`);
    const pattern = this.delimited(delim, true);
    const replacement = this.delimited(delim, false);
    let flags = '';
    for (;;) {
      const c = this.peek();
      if (c === 'g') cmd.global = true;
      else if (c === 'p') cmd.print = true;
      else if (c === 'i' || c === 'I') flags += 'i';
      else if (c === 'm' || c === 'M') flags += 'm';
      else if (/\d/.test(c)) { cmd.occurrence = this.number(); continue; }
      else if (c === 'w') { this.i++; cmd.text = this.rest(/\n/).trim(); break; }
      else if (c === undefined || /[\s;}]/.test(c)) break;
      else { this.i++; this.fail('unknown option to `s\'', 'bad option in substitution expression'); }
      this.i++;
    }
    this.end();
    cmd.replacement = replacement;
    if (pattern === '') cmd.emptyRe = true;
    else cmd.re = this.regex(pattern, flags);
  }

  private regex(pattern: string, flags: string): RegExp {
    try {
      return compile(pattern.replace(/\\n/g, '\n'), this.extended, 'g' + flags);
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      return this.fail(e.message, `bad regex '${pattern}': ${e.message}`);
    }
  }

  private address(): Addr | undefined {
    const c = this.peek();
    if (c === '$') { this.i++; return { kind: 'last' }; }
    if (/\d/.test(c ?? '')) {
      const n = this.number();
      if (this.peek() === '~') { this.i++; return { kind: 'step', first: n, step: this.number() }; }
      return { kind: 'line', n };
    }
    if (c === '/' || c === '\\') {
      this.i++;
      const delim = c === '/' ? '/' : this.src[this.i++];
      const pattern = this.delimited(delim, true, 'unterminated address regex');
      let flags = '';
      while (this.peek() === 'I' || this.peek() === 'M') { flags += this.peek() === 'I' ? 'i' : 'm'; this.i++; }
      return { kind: 're', re: pattern === '' ? undefined : this.regex(pattern, flags) };
    }
    return undefined;
  }

  /** Text up to an unescaped `delim`; `\delim` becomes the delimiter itself. */
  private delimited(delim: string, isRegex: boolean, unterminated = 'unterminated `s\' command'): string {
    let out = '';
    for (;;) {
      const c = this.src[this.i++];
      if (c === undefined || (c === '\n' && isRegex)) {
        this.i = this.src.length;
        return this.fail(unterminated, `unmatched '${delim}'`);
      }
      if (c === delim) return out;
      if (c === '\\') {
        const d = this.src[this.i++];
        if (d === undefined) return this.fail(unterminated, `unmatched '${delim}'`);
        out += d === delim ? (isRegex && /[.*[\]^$+?(){}|]/.test(d) ? '\\' + d : d) : '\\' + d;
        continue;
      }
      out += c;
    }
  }

  /** a/i/c text: `a\` NEWLINE lines (a trailing `\` continues), or GNU's one-liner `a text`. */
  private text(): string {
    this.skip(/[ \t]/);
    if (this.src.startsWith('\\\n', this.i)) this.i += 2;
    else if (this.peek() === '\\') this.i++;
    let out = '';
    while (this.i < this.src.length) {
      const c = this.src[this.i++];
      if (c === '\\' && this.i < this.src.length) { out += this.src[this.i++]; continue; }
      if (c === '\n') break;
      out += c;
    }
    return out;
  }

  private rest(stop: RegExp): string {
    let out = '';
    while (this.i < this.src.length && !stop.test(this.src[this.i])) out += this.src[this.i++];
    return out;
  }

  private end(): void {
    this.skip(/[ \t]/);
    const c = this.peek();
    if (c !== undefined && !/[;\n}#]/.test(c)) { this.i++; this.fail('extra characters after command', 'extra characters after command'); }
  }

  private resolveLabels(): void {
    for (const c of this.cmds) {
      if (!'btT'.includes(c.name) || c.name === '') continue;
      if (!c.text) { c.jump = this.cmds.length; continue; }
      const at = this.cmds.findIndex((d) => d.name === ':' && d.text === c.text);
      if (at < 0) throw new SedError(this.gnu ? `can't find label for jump to \`${c.text}'` : `can't find label for jump to '${c.text}'`);
      c.jump = at;
    }
  }

  private number(): number {
    const m = /^\d+/.exec(this.src.slice(this.i))!;
    this.i += m[0].length;
    return Number(m[0]);
  }

  private peek(): string {
    return this.src[this.i];
  }

  private skip(re: RegExp): void {
    while (this.i < this.src.length && re.test(this.src[this.i])) this.i++;
  }

  private fail(gnu: string, busybox = gnu): never {
    throw new SedError(this.gnu ? gnu : busybox, this.i);
  }
}
