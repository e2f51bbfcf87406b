/**
 * The one shell parser. Scripts (`sh -c`, the container interpreter) get the small POSIX-shell
 * subset: simple commands with quoting and `$VAR`/`${VAR}`/`$((…))`/`$(…)` expansions,
 * redirections `>`/`>>`, `;` `&&` `||` `|`, `while`/`until`/`for`/`if` and `{ …; }` groups.
 * The learner's host shell reads its lines with the same grammar and bash's messages
 * (`parseBashLine`); `splitCommandLine` (completion) reads words only: whitespace separates
 * words, quotes and backslashes as in bash, no operators, comments or expansions.
 */

export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean }
  | { kind: 'arith'; expr: string; quoted: boolean }
  | { kind: 'subst'; src: string; quoted: boolean };

export type Word = WordPart[];

export interface Redirect {
  /** `>&2` sends stdout to stderr; `2>&1` stderr to stdout; the rest name a file. */
  op: '>' | '>>' | '<' | '2>' | '2>>' | '2>&1' | '>&2';
  target: Word;
}

export type Command =
  | { kind: 'simple'; assigns: Array<[string, Word]>; words: Word[]; redirects: Redirect[] }
  | { kind: 'while'; until: boolean; cond: List; body: List }
  | { kind: 'for'; name: string; items: Word[]; body: List }
  | { kind: 'if'; branches: Array<{ cond: List; body: List }>; otherwise?: List }
  | { kind: 'group'; body: List }
  | { kind: 'pipeline'; commands: Command[]; negate?: boolean }
  /** A compound command with redirections after it (`while …; done > out`). */
  | { kind: 'redirected'; command: Command; redirects: Redirect[] };

/** A list of and-or items: each runs after the previous one per its operator. */
export interface List {
  /** `background`: the and-or list ended with `&` (its text as written, for bash's job notices). */
  items: Array<{ op: ';' | '&&' | '||'; command: Command; background?: string }>;
}

/**
 * `token` is the token the parser stopped at (`fi`, `newline`), or undefined at the end of the
 * input: bash words it `syntax error near unexpected token `fi'`, busybox `unexpected "fi"`.
 */
export class ShellSyntaxError extends Error {
  constructor(message: string, readonly token?: string, readonly endOfInput = false) {
    super(message);
  }
}

type Token = { type: 'word'; word: Word; raw: string } | { type: 'op'; op: string };

/** How much of the language a reader understands, and whose error texts it speaks. */
interface Syntax {
  /** `;` `&&` `|` `>` `(` … and newlines are operators, and `#` starts a comment. */
  operators: boolean;
  /** `$…` and backquotes expand. */
  expansions: boolean;
  /** Backslash-newline joins lines inside words and double quotes, as bash does. */
  joinLines: boolean;
  /** The message for a quote left open. */
  unterminated: (quote: string) => string;
}

/** Scripts a container's shell runs, with busybox's messages. */
const SCRIPT: Syntax = { operators: true, expansions: true, joinLines: false, unterminated: () => 'unterminated quoted string' };

/** The terminal's command line, with bash's messages. */
const COMMAND_LINE: Syntax = { operators: false, expansions: false, joinLines: true, unterminated: (q) => `unexpected EOF while looking for matching \`${q}'` };

const OPERATORS = ['&&', '||', '>>', '2>&1', '2>>', '2>', '1>&2', '>&2', ';;', ';', '|', '&', '>', '<', '(', ')', '\n'];
/** Operators that only count at the start of a word (`a2>b` is a word, `a 2>b` a redirect). */
const FD_OPERATORS = new Set(['2>&1', '2>>', '2>', '1>&2']);

export function tokenize(src: string, syntax: Syntax = SCRIPT): Token[] {
  const tokens: Token[] = [];
  const blanks = syntax.operators ? ' \t' : ' \t\n';
  const wordEnds = syntax.operators ? ' \t\n;&|<>()' : blanks;
  const dquoteEscapes = syntax.joinLines ? '"\\$`\n' : '"\\$`';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (blanks.includes(c)) { i++; continue; }
    if (c === '#' && syntax.operators) { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    const op = syntax.operators && OPERATORS.find((o) => src.startsWith(o, i) && (!FD_OPERATORS.has(o) || atWordStart(src, i)));
    if (op) { tokens.push({ type: 'op', op: op === '1>&2' ? '>&2' : op }); i += op.length; continue; }
    const start = i;
    const word: Word = [];
    let lit = '';
    const flush = (quoted: boolean) => { if (lit) word.push({ kind: 'lit', text: lit, quoted }); lit = ''; };
    while (i < src.length && !wordEnds.includes(src[i])) {
      const ch = src[i];
      if (ch === "'") {
        flush(false);
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new ShellSyntaxError(syntax.unterminated("'"));
        word.push({ kind: 'lit', text: src.slice(i + 1, end), quoted: true });
        i = end + 1;
      } else if (ch === '"') {
        flush(false);
        i++;
        let inner = '';
        const parts: Word = [];
        while (i < src.length && src[i] !== '"') {
          if (src[i] === '\\' && dquoteEscapes.includes(src[i + 1] ?? '')) {
            if (src[i + 1] !== '\n') inner += src[i + 1];
            i += 2;
            continue;
          }
          if (syntax.expansions && (src[i] === '$' || src[i] === '`')) {
            const [part, next] = readDollar(src, i, true);
            if (part) { if (inner) parts.push({ kind: 'lit', text: inner, quoted: true }); inner = ''; parts.push(part); i = next; continue; }
          }
          inner += src[i++];
        }
        if (i >= src.length) throw new ShellSyntaxError(syntax.unterminated('"'));
        i++;
        if (inner || parts.length === 0) parts.push({ kind: 'lit', text: inner, quoted: true });
        word.push(...parts);
      } else if (ch === '\\') {
        if (!(syntax.joinLines && src[i + 1] === '\n')) lit += src[i + 1] ?? '';
        i += 2;
      } else if (syntax.expansions && (ch === '$' || ch === '`')) {
        const [part, next] = readDollar(src, i, false);
        if (part) { flush(false); word.push(part); i = next; } else { lit += ch; i++; }
      } else {
        lit += ch;
        i++;
      }
    }
    flush(false);
    tokens.push({ type: 'word', word, raw: src.slice(start, i) });
  }
  return tokens;
}

function atWordStart(src: string, i: number): boolean {
  return i === 0 || ' \t\n;&|'.includes(src[i - 1]);
}

/** Reads `$NAME`, `${NAME}`, `$((…))`, `$(…)` or a backquoted command at `i`. */
function readDollar(src: string, i: number, quoted: boolean): [WordPart | undefined, number] {
  if (src[i] === '`') {
    const end = src.indexOf('`', i + 1);
    if (end < 0) throw new ShellSyntaxError('unterminated `');
    return [{ kind: 'subst', src: src.slice(i + 1, end), quoted }, end + 1];
  }
  const next = src[i + 1];
  if (next === '(' && src[i + 2] === '(') {
    const end = matchParen(src, i + 2);
    if (src[end + 1] !== ')') throw new ShellSyntaxError('missing ))');
    return [{ kind: 'arith', expr: src.slice(i + 3, end), quoted }, end + 2];
  }
  if (next === '(') {
    const end = matchParen(src, i + 1);
    return [{ kind: 'subst', src: src.slice(i + 2, end), quoted }, end + 1];
  }
  if (next === '{') {
    const end = src.indexOf('}', i + 2);
    if (end < 0) throw new ShellSyntaxError('missing }');
    return [{ kind: 'var', name: src.slice(i + 2, end), quoted }, end + 1];
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!])/.exec(src.slice(i + 1));
  if (!m) return [undefined, i];
  return [{ kind: 'var', name: m[1], quoted }, i + 1 + m[1].length];
}

function matchParen(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    if (src[j] === '(') depth++;
    else if (src[j] === ')' && --depth === 0) return j;
  }
  throw new ShellSyntaxError('unterminated $(');
}

/**
 * The terminal's command line as words: `kubectl run bb --image=busybox -- sh -c 'echo "hi"'`
 * → [kubectl, run, bb, --image=busybox, --, sh, -c, echo "hi"]. Throws ShellSyntaxError with
 * bash's message for an open quote.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  for (const t of tokenize(line, COMMAND_LINE)) {
    // A lone trailing backslash reads as nothing: no word at all.
    if (t.type === 'word' && t.word.length > 0) words.push(t.word.map((p) => (p.kind === 'lit' ? p.text : '')).join(''));
  }
  return words;
}

const KEYWORDS = new Set(['while', 'until', 'do', 'done', 'for', 'in', 'if', 'then', 'elif', 'else', 'fi', '{', '}', '!']);

const parsed = new Map<string, List>();

/**
 * `parseScript` for scripts run again and again (`$(date)` in a loop, a container's `sh -c`
 * replayed for its logs): parsed once. Parse trees are never changed by the evaluator.
 */
export function parseCached(src: string): List {
  let list = parsed.get(src);
  if (!list) {
    list = parseScript(src);
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(src, list);
  }
  return list;
}

/** The learner's host shell reads lines as bash does, with bash's words for an open quote. */
export function parseBashLine(src: string): List {
  return parseScript(src, BASH_LINE);
}

/** The host shell's line: operators and expansions as in scripts, bash's messages. */
const BASH_LINE: Syntax = { ...SCRIPT, joinLines: true, unterminated: COMMAND_LINE.unterminated };

export function parseScript(src: string, syntax: Syntax = SCRIPT): List {
  const p = new Parser(tokenize(src, syntax));
  const list = p.list([]);
  if (!p.done()) throw p.unexpected();
  return list;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    this.skipNewlines();
    return this.i >= this.tokens.length;
  }

  describe(): string {
    const t = this.tokens[this.i];
    if (!t) return 'end of file';
    return t.type === 'op' ? `"${t.op === '\n' ? 'newline' : t.op}"` : `word "${t.raw}"`;
  }

  /** The error for the token at hand (its text for bash), with busybox's words as the message. */
  unexpected(suffix = ''): ShellSyntaxError {
    const t = this.tokens[this.i];
    const token = !t ? undefined : t.type === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.raw;
    return new ShellSyntaxError(`unexpected ${this.describe()}${suffix}`, token, !t);
  }

  /** Parses and-or items until one of `stops` (keywords) or the end. */
  list(stops: string[]): List {
    const items: List['items'] = [];
    let op: ';' | '&&' | '||' = ';';
    // Where the current and-or list began (item, token): `a && b &` puts all of it in the background.
    let chain = 0;
    let chainToken = this.i;
    for (;;) {
      this.skipNewlines();
      const t = this.tokens[this.i];
      if (!t) break;
      if (t.type === 'word' && stops.includes(this.keyword(t))) break;
      if (t.type === 'op' && t.op === ')') break;
      if (op === ';') { chain = items.length; chainToken = this.i; }
      items.push({ op, command: this.pipeline() });
      const next = this.tokens[this.i];
      if (!next) break;
      if (next.type === 'op' && next.op === '&') {
        const text = this.tokens.slice(chainToken, this.i).map((tok) => (tok.type === 'word' ? tok.raw : tok.op)).join(' ');
        const inChain = items.splice(chain);
        const command: Command = inChain.length === 1 ? inChain[0].command : { kind: 'group', body: { items: inChain.map((it, k) => (k === 0 ? { ...it, op: ';' as const } : it)) } };
        items.push({ op: inChain[0].op, command, background: text });
      }
      if (next.type === 'op' && (next.op === ';' || next.op === '\n' || next.op === '&')) { op = ';'; this.i++; continue; }
      if (next.type === 'op' && (next.op === '&&' || next.op === '||')) {
        op = next.op;
        this.i++;
        this.skipNewlines();
        continue;
      }
      if (next.type === 'word' && stops.includes(this.keyword(next))) break;
      if (next.type === 'op' && next.op === ')') break;
      throw this.unexpected();
    }
    return { items };
  }

  private pipeline(): Command {
    const negate = this.peekKeyword('!');
    if (negate) this.i++;
    const commands = [this.command()];
    while (this.peekOp('|')) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return commands.length === 1 && !negate ? commands[0] : { kind: 'pipeline', commands, ...(negate ? { negate } : {}) };
  }

  private command(): Command {
    const cmd = this.compound();
    if (cmd.kind === 'simple') return cmd;
    const redirects: Redirect[] = [];
    while (this.redirect(redirects));
    return redirects.length ? { kind: 'redirected', command: cmd, redirects } : cmd;
  }

  /** Reads one redirection into `into`; false when the next token is none. */
  private redirect(into: Redirect[]): boolean {
    const t = this.tokens[this.i];
    if (!t || t.type !== 'op') return false;
    if (t.op === '>' || t.op === '>>' || t.op === '<' || t.op === '2>' || t.op === '2>>') {
      this.i++;
      const target = this.tokens[this.i];
      // bash names the end of the line `newline` here.
      if (!target) throw new ShellSyntaxError('unexpected end of file', 'newline', true);
      if (target.type !== 'word') throw this.unexpected();
      this.i++;
      into.push({ op: t.op, target: target.word });
      return true;
    }
    if (t.op === '2>&1' || t.op === '>&2') {
      this.i++;
      into.push({ op: t.op, target: [] });
      return true;
    }
    return false;
  }

  private compound(): Command {
    const t = this.tokens[this.i];
    if (!t) throw new ShellSyntaxError('unexpected end of file', undefined, true);
    const kw = t.type === 'word' ? this.keyword(t) : '';
    // A reserved word that only closes or continues a compound command cannot start one.
    if (['then', 'else', 'elif', 'fi', 'do', 'done', '}'].includes(kw)) throw this.unexpected();
    if (kw === 'while' || kw === 'until') {
      this.i++;
      const cond = this.list(['do']);
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { kind: 'while', until: kw === 'until', cond, body };
    }
    if (kw === 'for') {
      this.i++;
      const nameTok = this.tokens[this.i++];
      if (!nameTok || nameTok.type !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.raw)) {
        this.i--;
        throw new ShellSyntaxError('bad for loop variable', nameTok ? (nameTok.type === 'op' ? nameTok.op : nameTok.raw) : undefined, !nameTok);
      }
      const items: Word[] = [];
      this.skipNewlines();
      if (this.peekKeyword('in')) {
        this.i++;
        while (this.tokens[this.i]?.type === 'word' && !this.peekKeyword('do')) items.push((this.tokens[this.i++] as { word: Word }).word);
      }
      if (this.peekOp(';') || this.peekOp('\n')) this.i++;
      this.skipNewlines();
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { kind: 'for', name: nameTok.raw, items, body };
    }
    if (kw === 'if') {
      this.i++;
      const branches: Array<{ cond: List; body: List }> = [];
      let otherwise: List | undefined;
      for (;;) {
        const cond = this.list(['then']);
        this.expect('then');
        const body = this.list(['elif', 'else', 'fi']);
        branches.push({ cond, body });
        if (this.peekKeyword('elif')) { this.i++; continue; }
        if (this.peekKeyword('else')) { this.i++; otherwise = this.list(['fi']); }
        this.expect('fi');
        break;
      }
      return { kind: 'if', branches, otherwise };
    }
    if (kw === '{') {
      this.i++;
      const body = this.list(['}']);
      this.expect('}');
      return { kind: 'group', body };
    }
    if (t.type === 'op' && t.op === '(') {
      this.i++;
      const body = this.list([]);
      if (!this.peekOp(')')) throw this.tokens[this.i] ? this.unexpected() : new ShellSyntaxError('missing )', undefined, true);
      this.i++;
      return { kind: 'group', body };
    }
    return this.simple();
  }

  private simple(): Command {
    const assigns: Array<[string, Word]> = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (!t) break;
      if (t.type === 'op') {
        if (this.redirect(redirects)) continue;
        break;
      }
      const eq = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
      if (words.length === 0 && eq && t.word[0]?.kind === 'lit' && !t.word[0].quoted) {
        const first = t.word[0];
        const rest: Word = [{ kind: 'lit', text: first.text.slice(eq[0].length), quoted: false }, ...t.word.slice(1)];
        assigns.push([eq[1], rest]);
        this.i++;
        continue;
      }
      words.push(t.word);
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) throw this.unexpected();
    return { kind: 'simple', assigns, words, redirects };
  }

  private keyword(t: Token): string {
    if (t.type !== 'word' || t.word.length !== 1) return '';
    const p = t.word[0];
    return p.kind === 'lit' && !p.quoted && KEYWORDS.has(p.text) ? p.text : '';
  }

  private peekKeyword(k: string): boolean {
    const t = this.tokens[this.i];
    return !!t && this.keyword(t) === k;
  }

  private peekOp(op: string): boolean {
    const t = this.tokens[this.i];
    return !!t && t.type === 'op' && t.op === op;
  }

  private expect(k: string): void {
    this.skipNewlines();
    if (!this.peekKeyword(k)) throw this.unexpected(` (expecting "${k}")`);
    this.i++;
  }

  private skipNewlines(): void {
    while (this.peekOp('\n')) this.i++;
  }
}
