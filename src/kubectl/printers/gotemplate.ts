/**
 * `-o go-template=…`: the part of Go's text/template that kubectl users write — fields
 * (`.metadata.name`), `$` and variables, `range`/`if`/`with`/`else`/`end`, pipelines, trim
 * markers, and the functions index, len, printf, print, println, not, and, or, eq, ne, lt,
 * le, gt, ge plus kubectl's exists and base64decode. Missing map keys print `<no value>`, as
 * kubectl does with --allow-missing-template-keys (the default).
 */
import { goValueText } from './custom-columns';

export class GoTemplateError extends Error {}

type Expr =
  | { t: 'field'; base: Expr | null; path: string[] } // base null = dot
  | { t: 'var'; name: string; path: string[] }
  | { t: 'lit'; value: unknown; int?: boolean } // int: a Go int constant, not a float
  | { t: 'call'; fn: string; args: Expr[]; where: string } // where: `line:col` of the name
  | { t: 'pipe'; cmds: Expr[] };

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Expr; decl?: string[]; assign?: boolean }
  | { t: 'if' | 'with'; pipe: Expr; body: Node[]; elseBody: Node[] }
  | { t: 'range'; pipe: Expr; vars: string[]; body: Node[]; elseBody: Node[] };

const NO_VALUE = Symbol('no value');

// ---- lexing into text and actions ----

function splitActions(src: string): { text: string; action?: string; offset: number }[] {
  const parts: { text: string; action?: string; offset: number }[] = [];
  let i = 0;
  let pendingTrim = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (pendingTrim) text = text.replace(/^\s+/, '');
    if (open < 0) {
      parts.push({ text, offset: src.length });
      break;
    }
    let start = open + 2;
    if (src.startsWith('- ', start) || src.startsWith('-\t', start) || src.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    const close = findActionEnd(src, start);
    if (close < 0) throw new GoTemplateError('template: output:1: unclosed action');
    let end = close;
    pendingTrim = false;
    if (/\s-$/.test(src.slice(start, close))) {
      end = close - 1;
      pendingTrim = true;
    }
    const inner = src.slice(start, end);
    parts.push({ text, action: inner.trim(), offset: start + (inner.length - inner.trimStart().length) });
    i = close + 2;
  }
  return parts;
}

function findActionEnd(src: string, from: number): number {
  let quote = '';
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}' && src[i + 1] === '}') return i;
  }
  return -1;
}

// ---- parsing actions ----

const TOKEN = /\s*(\(|\)|\||:=|=|,|"(?:[^"\\]|\\.)*"|`[^`]*`|\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*|(?:\.[A-Za-z0-9_-]+)+|\.|-?[0-9]+(?:\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*)/y;

/** The tokens of an action and each one's offset in the action. */
function tokenize(action: string): { tokens: string[]; offsets: number[] } {
  const tokens: string[] = [];
  const offsets: number[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < action.length) {
    if (/^\s*$/.test(action.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(action);
    if (!m) throw new GoTemplateError(`template: output:1: unexpected "${action.slice(pos).trim()[0]}" in command`);
    tokens.push(m[1]);
    offsets.push(TOKEN.lastIndex - m[1].length);
    pos = TOKEN.lastIndex;
    // A field chain may follow a closing parenthesis: `(index .x 0).name`.
    const chain = /^(\.[A-Za-z0-9_-]+)+/.exec(action.slice(pos));
    if (m[1] === ')' && chain) {
      tokens.push('.chain' + chain[0]);
      offsets.push(pos);
      pos += chain[0].length;
    }
  }
  return { tokens, offsets };
}

/** Go's `line:col` of a byte in the template (col counts bytes from the line's start, from 0). */
function lineCol(src: string, offset: number): string {
  const before = src.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return `${line}:${new TextEncoder().encode(before.slice(lineStart)).length}`;
}

class PipeParser {
  private i = 0;
  constructor(
    private readonly tokens: string[],
    /** Where each token starts, as `line:col`. */
    private readonly where: string[],
  ) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  peek(): string | undefined {
    return this.tokens[this.i];
  }

  next(): string | undefined {
    return this.tokens[this.i++];
  }

  pipeline(): Expr {
    const cmds: Expr[] = [this.command()];
    while (this.peek() === '|') {
      this.next();
      cmds.push(this.command());
    }
    return cmds.length === 1 ? cmds[0] : { t: 'pipe', cmds };
  }

  private command(): Expr {
    const first = this.operand();
    const args: Expr[] = [];
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') args.push(this.operand());
    if (first.t === 'call') return { ...first, args: [...first.args, ...args] };
    if (args.length) throw new GoTemplateError(`template: output:1: can't give argument to non-function ${describe(first)}`);
    return first;
  }

  private operand(): Expr {
    const tok = this.next();
    const where = this.where[this.i - 1];
    if (tok === undefined) throw new GoTemplateError('template: output:1: missing value for command');
    if (tok === '(') {
      const inner = this.pipeline();
      if (this.next() !== ')') throw new GoTemplateError('template: output:1: unclosed left paren');
      if (this.peek()?.startsWith('.chain')) {
        const path = this.next()!.slice('.chain.'.length).split('.');
        return { t: 'field', base: inner, path };
      }
      return inner;
    }
    if (tok === '.') return { t: 'field', base: null, path: [] };
    if (tok.startsWith('.')) return { t: 'field', base: null, path: tok.slice(1).split('.') };
    if (tok.startsWith('$')) {
      const [name, ...path] = tok.split('.');
      return { t: 'var', name, path };
    }
    if (tok.startsWith('"')) return { t: 'lit', value: JSON.parse(tok) };
    if (tok.startsWith('`')) return { t: 'lit', value: tok.slice(1, -1) };
    if (/^-?[0-9]/.test(tok)) return { t: 'lit', value: Number(tok), int: !tok.includes('.') };
    if (tok === 'true' || tok === 'false') return { t: 'lit', value: tok === 'true' };
    if (tok === 'nil') return { t: 'lit', value: null };
    if (!(tok in FUNCS)) throw new GoTemplateError(`template: output:1: function "${tok}" not defined`);
    return { t: 'call', fn: tok, args: [], where };
  }
}

function describe(e: Expr): string {
  return e.t === 'field' ? '.' + e.path.join('.') : e.t === 'var' ? e.name : String((e as { value?: unknown }).value);
}

/** Parses one action; `where(i)` is the `line:col` of its i-th character. */
function parseAction(action: string, where: (i: number) => string): { kind: string; pipe?: Expr; vars?: string[]; decl?: string[]; assign?: boolean } {
  const { tokens, offsets } = tokenize(action);
  const pipe = (from: number) => new PipeParser(tokens.slice(from), offsets.slice(from).map(where)).pipeline();
  const head = tokens[0];
  if (head === 'end' || head === 'else') {
    if (head === 'else' && tokens[1] === 'if') return { kind: 'elseif', pipe: pipe(2) };
    return { kind: head };
  }
  if (head === 'if' || head === 'with') return { kind: head, pipe: pipe(1) };
  if (head === 'range') {
    const decl = tokens.indexOf(':=');
    const vars = decl > 1 ? tokens.slice(1, decl).filter((t) => t !== ',') : [];
    return { kind: 'range', vars, pipe: pipe(decl > 1 ? decl + 1 : 1) };
  }
  if (tokens[0]?.startsWith('$') && (tokens[1] === ':=' || tokens[1] === '=')) {
    return { kind: 'action', decl: [tokens[0]], assign: tokens[1] === '=', pipe: pipe(2) };
  }
  if (head === 'define' || head === 'template' || head === 'block') throw new GoTemplateError(`template: output:1: "${head}" is not supported here`);
  if (action.startsWith('/*')) return { kind: 'comment' };
  return { kind: 'action', pipe: pipe(0) };
}

export function parseGoTemplate(src: string): Node[] {
  const parts = splitActions(src);
  const root: Node[] = [];
  // Each open block: where its nodes go, and the block itself (to switch to its else branch).
  const stack: { nodes: Node[]; block?: Extract<Node, { body: Node[] }>; elseIfs: number }[] = [{ nodes: root, elseIfs: 0 }];
  for (const part of parts) {
    const top = stack[stack.length - 1];
    if (part.text) top.nodes.push({ t: 'text', text: part.text });
    if (part.action === undefined) continue;
    const offset = part.offset;
    const a = parseAction(part.action, (i) => lineCol(src, offset + i));
    if (a.kind === 'comment') continue;
    if (a.kind === 'if' || a.kind === 'with' || a.kind === 'range') {
      const block = a.kind === 'range'
        ? { t: 'range' as const, pipe: a.pipe!, vars: a.vars ?? [], body: [], elseBody: [] }
        : { t: a.kind as 'if' | 'with', pipe: a.pipe!, body: [], elseBody: [] };
      top.nodes.push(block);
      stack.push({ nodes: block.body, block, elseIfs: 0 });
    } else if (a.kind === 'else' || a.kind === 'elseif') {
      if (!top.block) throw new GoTemplateError('template: output:1: unexpected {{else}}');
      top.nodes = top.block.elseBody;
      if (a.kind === 'elseif') {
        const nested = { t: 'if' as const, pipe: a.pipe!, body: [], elseBody: [] };
        top.nodes.push(nested);
        top.block = nested;
        top.nodes = nested.body;
        top.elseIfs++;
      }
    } else if (a.kind === 'end') {
      if (stack.length === 1) throw new GoTemplateError('template: output:1: unexpected {{end}}');
      stack.pop();
    } else {
      top.nodes.push({ t: 'action', pipe: a.pipe!, decl: a.decl, assign: a.assign });
    }
  }
  if (stack.length > 1) throw new GoTemplateError('template: output:1: unexpected EOF');
  return root;
}

// ---- execution ----

interface Scope {
  dot: unknown;
  vars: Map<string, unknown>[];
}

function lookupVar(scope: Scope, name: string): unknown {
  for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i].has(name)) return scope.vars[i].get(name);
  throw new GoTemplateError(`template: output:1: undefined variable: ${name}`);
}

function walk(value: unknown, path: string[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === NO_VALUE || v === null || v === undefined) return NO_VALUE;
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw new GoTemplateError(`template: output:1: executing "output" at <.${path.join('.')}>: can't evaluate field ${key} in type ${typeName(v)}`);
    }
    v = key in (v as object) ? (v as Record<string, unknown>)[key] : NO_VALUE;
  }
  return v;
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'interface {}';
}

function evalExpr(e: Expr, scope: Scope, piped?: unknown[]): unknown {
  switch (e.t) {
    case 'lit':
      return e.value;
    case 'field': {
      const base = e.base ? evalExpr(e.base, scope) : scope.dot;
      return walk(base, e.path);
    }
    case 'var':
      return walk(lookupVar(scope, e.name), e.path);
    case 'call': {
      const args = [...e.args.map((a) => evalExpr(a, scope)), ...(piped ?? [])];
      if (e.fn === 'exists') {
        if (args.length === 0) {
          throw new GoTemplateError(`template: output:${e.where}: executing "output" at <exists>: wrong number of args for exists: want at least 1 got 0`);
        }
        const ints = [...e.args.map((a, i) => isGoInt(a, args[i])), ...(piped ?? []).map((v) => Number.isInteger(v))];
        return exists(args[0], args.slice(1), ints.slice(1));
      }
      return FUNCS[e.fn](...args);
    }
    case 'pipe': {
      let v = evalExpr(e.cmds[0], scope);
      for (const cmd of e.cmds.slice(1)) {
        if (cmd.t !== 'call') throw new GoTemplateError(`template: output:1: non executable command in pipeline stage 2`);
        v = evalExpr(cmd, scope, [v]);
      }
      return v;
    }
  }
}

function truthy(v: unknown): boolean {
  if (v === NO_VALUE || v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** fmt.Print of a value as text/template prints it. */
function printValue(v: unknown): string {
  if (v === NO_VALUE || v === null || v === undefined) return '<no value>';
  return goValueText(v);
}

function exec(nodes: Node[], scope: Scope, out: string[]): void {
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        out.push(n.text);
        break;
      case 'action': {
        const v = evalExpr(n.pipe, scope);
        if (n.decl) {
          if (n.assign) {
            for (let i = scope.vars.length - 1; i >= 0; i--) if (scope.vars[i].has(n.decl[0])) scope.vars[i].set(n.decl[0], v);
          } else scope.vars[scope.vars.length - 1].set(n.decl[0], v);
        } else out.push(printValue(v));
        break;
      }
      case 'if':
      case 'with': {
        const v = evalExpr(n.pipe, scope);
        const inner: Scope = { dot: n.t === 'with' ? v : scope.dot, vars: [...scope.vars, new Map()] };
        if (truthy(v)) exec(n.body, inner, out);
        else exec(n.elseBody, { ...scope, vars: [...scope.vars, new Map()] }, out);
        break;
      }
      case 'range': {
        const v = evalExpr(n.pipe, scope);
        const entries: [unknown, unknown][] = Array.isArray(v)
          ? v.map((x, i) => [i, x])
          : v && typeof v === 'object'
            ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])
            : typeof v === 'number'
              ? Array.from({ length: v }, (_, i) => [i, i])
              : [];
        if (entries.length === 0) {
          exec(n.elseBody, { ...scope, vars: [...scope.vars, new Map()] }, out);
          break;
        }
        for (const [k, x] of entries) {
          const vars = new Map<string, unknown>();
          if (n.vars.length === 1) vars.set(n.vars[0], x);
          if (n.vars.length === 2) {
            vars.set(n.vars[0], k);
            vars.set(n.vars[1], x);
          }
          exec(n.body, { dot: x, vars: [...scope.vars, vars] }, out);
        }
        break;
      }
    }
  }
}

/** Runs a template; `out` (if given) keeps what was written before an error, as Go's writer does. */
export function executeGoTemplate(nodes: Node[], data: unknown, out: string[] = []): string {
  exec(nodes, { dot: data, vars: [new Map([['$', data]])] }, out);
  return out.join('');
}

/**
 * Whether an argument is a Go int: int constants, range indexes and len results are; numbers
 * read from the object are float64 (kubectl hands templates JSON-decoded data).
 */
function isGoInt(e: Expr, value: unknown): boolean {
  if (!Number.isInteger(value)) return false;
  if (e.t === 'lit') return !!e.int;
  if (e.t === 'field') return false;
  return e.t !== 'var' || e.path.length === 0;
}

/**
 * kubectl's `exists item idx…`: true when indexing `item` by each idx in turn (maps by string
 * key, lists and strings by int) reaches a non-nil value; with no idx, always true.
 */
function exists(item: unknown, indices: unknown[], ints: boolean[]): boolean {
  const isNil = (v: unknown) => v === null || v === undefined || v === NO_VALUE;
  let v = item;
  for (let n = 0; n < indices.length; n++) {
    const idx = unwrap(indices[n]);
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof idx !== 'number' || !ints[n]) return false;
      const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v;
      if (idx < 0 || idx >= bytes.length) return false;
      v = bytes[idx];
    } else if (v !== null && typeof v === 'object') {
      const key = idx ?? '';
      if (typeof key !== 'string') return false;
      v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string, unknown>)[key] : null;
    } else {
      return false;
    }
  }
  return indices.length === 0 || !isNil(v);
}

// ---- functions ----

function unwrap(v: unknown): unknown {
  return v === NO_VALUE ? undefined : v;
}

function compare(a: unknown, b: unknown): number {
  const x = unwrap(a);
  const y = unwrap(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  throw new GoTemplateError('template: output:1: incompatible types for comparison');
}

function sprintf(format: string, ...args: unknown[]): string {
  let i = 0;
  return format.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([vsdqtfx%])/g, (_m, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    const a = unwrap(args[i++]);
    switch (verb) {
      case 'q':
        return JSON.stringify(String(a));
      case 'd':
        return String(Math.trunc(Number(a)));
      case 'f':
        return Number(a).toFixed(6);
      case 'x':
        return typeof a === 'number' ? a.toString(16) : [...new TextEncoder().encode(String(a))].map((b) => b.toString(16).padStart(2, '0')).join('');
      default:
        return a === undefined ? '<nil>' : goValueText(a);
    }
  });
}

const FUNCS: Record<string, (...args: unknown[]) => unknown> = {
  index(v, ...keys) {
    let cur = unwrap(v);
    for (const k of keys) {
      if (Array.isArray(cur)) {
        const i = Number(k);
        if (!(i >= 0 && i < cur.length)) throw new GoTemplateError(`template: output:1: error calling index: index out of range: ${i}`);
        cur = cur[i];
      } else if (cur && typeof cur === 'object') {
        cur = (cur as Record<string, unknown>)[String(k)];
      } else {
        throw new GoTemplateError(`template: output:1: error calling index: cannot index slice/array with nil`);
      }
    }
    return cur === undefined ? NO_VALUE : cur;
  },
  len(v) {
    const x = unwrap(v);
    if (typeof x === 'string' || Array.isArray(x)) return x.length;
    if (x && typeof x === 'object') return Object.keys(x).length;
    throw new GoTemplateError(`template: output:1: error calling len: len of type ${typeName(x)}`);
  },
  printf: (format, ...args) => sprintf(String(format), ...args),
  print: (...args) => args.map((a) => printValue(a)).join(''),
  println: (...args) => args.map((a) => printValue(a)).join(' ') + '\n',
  not: (v) => !truthy(v),
  and: (...args) => args.find((a) => !truthy(a)) ?? args[args.length - 1],
  or: (...args) => args.find((a) => truthy(a)) ?? args[args.length - 1],
  eq: (a, ...bs) => bs.some((b) => unwrap(a) === unwrap(b)),
  ne: (a, b) => unwrap(a) !== unwrap(b),
  lt: (a, b) => compare(a, b) < 0,
  le: (a, b) => compare(a, b) <= 0,
  gt: (a, b) => compare(a, b) > 0,
  ge: (a, b) => compare(a, b) >= 0,
  exists: (item, ...indices) => exists(item, indices, indices.map((i) => Number.isInteger(i))),
  base64decode(v) {
    const s = String(unwrap(v) ?? '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) throw new GoTemplateError(`base64decode: illegal base64 data`);
    return atobUtf8(s);
  },
};

function atobUtf8(s: string): string {
  const bin = atob(s);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
