/**
 * kubectl's JSONPath (k8s.io/client-go/util/jsonpath) with missing keys allowed, as
 * `-o jsonpath=`, `-o custom-columns=` and `--sort-by` use it: text and `{…}` actions,
 * fields (`\.` escapes a dot), `..`, `*`, `[n]`, slices, unions, filters `[?(@.a=="x")]`,
 * `range`/`end`, string literals, `@` and `$`.
 */
import { goJson, goJsonIndent, goTypeName } from './gojson';

export class JsonPathParseError extends Error {}
export class JsonPathExecError extends Error {}

type Step =
  | { t: 'field'; names: string[] } // several names = union ['a','b']
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'index'; items: Slice[] } // several items = union [0,2]
  | { t: 'all' }
  | { t: 'filter'; left: Expr; op?: string; right?: Expr };

/** `[a:b:c]`; `[n]` is `[n:n+1]` with a derived end (so `[-1]` ends at the length). */
type Slice = { start?: number; end?: number; step?: number; derivedEnd?: boolean };

type Expr = { t: 'path'; fromRoot: boolean; steps: Step[] } | { t: 'lit'; value: unknown };

type Node = { t: 'text'; text: string } | { t: 'expr'; exprs: Expr[] } | { t: 'range'; expr: Expr; body: Node[] };

/** Parses a template into nodes (`range` bodies nested). */
export function parseJsonPath(template: string): Node[] {
  const flat: (Node | { t: 'end' } | { t: 'rangeStart'; expr: Expr })[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      flat.push({ t: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) flat.push({ t: 'text', text: template.slice(i, open) });
    const close = findClose(template, open + 1);
    if (close < 0) throw new JsonPathParseError('unclosed action');
    const inside = template.slice(open + 1, close).trim();
    if (inside === 'end') flat.push({ t: 'end' });
    else if (inside.startsWith('range ') || inside === 'range') flat.push({ t: 'rangeStart', expr: new ExprParser(inside.slice(5).trim()).parseSingle() });
    else if (inside !== '') flat.push({ t: 'expr', exprs: new ExprParser(inside).parseList() });
    i = close + 1;
  }
  // Nest range … end; an unterminated range simply runs to the end (as client-go does).
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const n of flat) {
    const top = stack[stack.length - 1];
    if (n.t === 'rangeStart') {
      const r: Node = { t: 'range', expr: n.expr, body: [] };
      top.push(r);
      stack.push(r.body);
    } else if (n.t === 'end') {
      if (stack.length === 1) throw new JsonPathParseError('not in range, nothing to end');
      stack.pop();
    } else {
      top.push(n);
    }
  }
  return root;
}

function findClose(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

const FIELD_END = new Set([' ', '\t', '.', '[', ']', '(', ')', ',', '=', '!', '<', '>', '}', '{']);

class ExprParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parseList(): Expr[] {
    const out = [this.parseSingle()];
    this.skipSpace();
    while (this.s[this.i] === ',') {
      this.i++;
      this.skipSpace();
      out.push(this.parseSingle());
      this.skipSpace();
    }
    if (this.i < this.s.length) throw new JsonPathParseError(`unrecognized character in action: ${JSON.stringify(this.s.slice(this.i))}`);
    return out;
  }

  parseSingle(): Expr {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === '"' || c === "'") return { t: 'lit', value: this.parseString() };
    if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      return { t: 'lit', value: Number(m[0]) };
    }
    if (this.s.startsWith('true', this.i) || this.s.startsWith('false', this.i)) {
      const v = this.s.startsWith('true', this.i);
      this.i += v ? 4 : 5;
      return { t: 'lit', value: v };
    }
    let fromRoot = false;
    if (c === '$') {
      fromRoot = true;
      this.i++;
    } else if (c === '@') {
      this.i++;
    }
    return { t: 'path', fromRoot, steps: this.parseSteps() };
  }

  private parseSteps(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      const c = this.s[this.i];
      if (c === '.') {
        if (this.s[this.i + 1] === '.') {
          steps.push({ t: 'recursive' });
          this.i += 2;
        } else {
          this.i++;
        }
        if (this.s[this.i] === '*') {
          this.i++;
          steps.push({ t: 'wildcard' });
        } else {
          const name = this.parseFieldName();
          if (name) steps.push({ t: 'field', names: [name] });
        }
      } else if (c === '[') {
        steps.push(this.parseBracket());
      } else if (c !== undefined && !FIELD_END.has(c) && steps.length === 0) {
        // A leading bare name (`{kind}`) is a field, as in client-go.
        steps.push({ t: 'field', names: [this.parseFieldName()] });
      } else {
        return steps;
      }
    }
  }

  private parseFieldName(): string {
    let name = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\' && this.i + 1 < this.s.length) {
        name += this.s[this.i + 1];
        this.i += 2;
        continue;
      }
      if (FIELD_END.has(c)) break;
      name += c;
      this.i++;
    }
    return name;
  }

  private parseBracket(): Step {
    const close = this.matchingBracket();
    if (close < 0) throw new JsonPathParseError('unterminated array');
    const inner = this.s.slice(this.i + 1, close).trim();
    this.i += 1;
    if (inner.startsWith('?')) {
      const open = this.s.indexOf('(', this.i);
      if (open < 0) throw new JsonPathParseError(`unclosed filter`);
      const sub = new ExprParser(this.s.slice(open + 1, close - 1).trim());
      const step = sub.parseFilter();
      this.i = close + 1;
      return step;
    }
    this.i = close + 1;
    if (inner === '*') return { t: 'all' };
    if (inner.startsWith("'") || inner.startsWith('"')) {
      const names = splitUnion(inner).map((p) => new ExprParser(p.trim()).parseString());
      return { t: 'field', names };
    }
    const items = splitUnion(inner).map((part) => {
      const p = part.trim();
      if (p.includes(':')) {
        const [a, b, c] = p.split(':').map((x) => x.trim());
        return { start: num(a), end: num(b), step: num(c) };
      }
      const n = num(p);
      if (n === undefined) throw new JsonPathParseError(`invalid array index ${p}`);
      return { start: n, end: n + 1, derivedEnd: true };
    });
    return { t: 'index', items };
  }

  parseFilter(): Step {
    const left = this.parseSingle();
    this.skipSpace();
    const m = /^(==|!=|<=|>=|<|>|=)/.exec(this.s.slice(this.i));
    if (!m) return { t: 'filter', left };
    this.i += m[0].length;
    const right = this.parseSingle();
    return { t: 'filter', left, op: m[0] === '=' ? '==' : m[0], right };
  }

  parseString(): string {
    const q = this.s[this.i];
    let out = '';
    let j = this.i + 1;
    for (; j < this.s.length && this.s[j] !== q; j++) {
      if (this.s[j] === '\\' && q === '"') {
        const e = this.s[++j];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      } else {
        out += this.s[j];
      }
    }
    if (j >= this.s.length) throw new JsonPathParseError('unterminated string');
    this.i = j + 1;
    return out;
  }

  private matchingBracket(): number {
    let depth = 0;
    let quote = '';
    for (let j = this.i; j < this.s.length; j++) {
      const c = this.s[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return j;
    }
    return -1;
  }

  private skipSpace(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }
}

function splitUnion(s: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let cur = '';
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

function num(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  if (!/^-?[0-9]+$/.test(s)) throw new JsonPathParseError(`invalid array index ${s}`);
  return Number(s);
}

// ---- evaluation ----

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function evalSteps(values: unknown[], steps: Step[], root: unknown): unknown[] {
  let cur = values;
  for (const step of steps) cur = evalStep(cur, step, root);
  return cur;
}

function evalStep(values: unknown[], step: Step, root: unknown): unknown[] {
  // A union (`['a','b']`, `[0,2]`) applies each member to all values in turn, as client-go does.
  if (step.t === 'field') return step.names.flatMap((n) => values.filter(isMap).filter((v) => n in v && v[n] !== undefined).map((v) => v[n]));
  if (step.t === 'index') return step.items.flatMap((item) => evalSlice(values, item));
  const out: unknown[] = [];
  for (const v of values) {
    switch (step.t) {
      case 'wildcard':
        if (isMap(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
        else if (Array.isArray(v)) out.push(...v);
        break;
      case 'recursive':
        collect(v, out);
        break;
      case 'all':
        if (v === null || v === undefined) break;
        if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
        out.push(...v);
        break;
      case 'filter': {
        const items = Array.isArray(v) ? v : [];
        for (const item of items) if (filterMatches(item, step, root)) out.push(item);
        break;
      }
    }
  }
  return out;
}

/**
 * client-go's evalArray: out-of-range bounds are errors, except that an empty range
 * (start == end) ends the whole step with what was found so far — its quirk, kept.
 */
function evalSlice(values: unknown[], s: Slice): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
    const len = v.length;
    let start = s.start ?? 0;
    if (start < 0) start += len;
    let end = s.end ?? len;
    if (end < 0 || (end === 0 && s.derivedEnd)) end += len;
    if (start === end) return out;
    if (start >= len || start < 0) throw new JsonPathExecError(`array index out of bounds: index ${start}, length ${len}`);
    if (end > len || end < 0) throw new JsonPathExecError(`array index out of bounds: index ${end - 1}, length ${len}`);
    if (start > end) throw new JsonPathExecError(`starting index ${start} is greater than ending index ${end}`);
    const step = s.step ?? 1;
    if (step <= 0) throw new JsonPathExecError('step must be > 0');
    for (let i = start; i < end; i += step) out.push(v[i]);
  }
  return out;
}

function collect(v: unknown, out: unknown[]): void {
  const children = isMap(v) ? Object.keys(v).sort().map((k) => v[k]) : Array.isArray(v) ? v : [];
  if (children.length === 0) return;
  out.push(v);
  for (const c of children) collect(c, out);
}

function evalExpr(e: Expr, current: unknown, root: unknown): unknown[] {
  if (e.t === 'lit') return [e.value];
  return evalSteps([e.fromRoot ? root : current], e.steps, root);
}

function filterMatches(item: unknown, step: Extract<Step, { t: 'filter' }>, root: unknown): boolean {
  const left = evalExpr(step.left, item, root);
  if (!step.op || !step.right) return left.length > 0 && left[0] !== null && left[0] !== false;
  const right = evalExpr(step.right, item, root);
  if (left.length === 0 || right.length === 0) return false;
  const a = left[0];
  const b = right[0];
  switch (step.op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    default: {
      if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
      const x = a as number | string;
      const y = b as number | string;
      return step.op === '<' ? x < y : step.op === '>' ? x > y : step.op === '<=' ? x <= y : x >= y;
    }
  }
}

/** How a single result prints: strings raw, maps and lists as compact JSON. */
export function jsonPathText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return goJson(v);
  return String(v);
}

function execNodes(nodes: Node[], current: unknown, root: unknown, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.text);
    else if (n.t === 'expr') {
      const results = n.exprs.flatMap((e) => evalExpr(e, current, root));
      out.push(results.map(jsonPathText).join(' '));
    } else {
      for (const item of evalExpr(n.expr, current, root)) {
        const elements = Array.isArray(item) ? item : [item];
        for (const el of elements) execNodes(n.body, el, root, out);
      }
    }
  }
}

/** Runs a parsed template against `data`; throws JsonPathExecError. */
export function executeJsonPath(nodes: Node[], data: unknown): string {
  const out: string[] = [];
  execNodes(nodes, data, data, out);
  return out.join('');
}

/**
 * `-o jsonpath-as-json`: each part of the template prints its results as one indented JSON
 * array (client-go's outputJSON mode).
 */
export function executeJsonPathAsJson(nodes: Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    let values: unknown[];
    if (n.t === 'text') values = [n.text];
    else if (n.t === 'expr') values = n.exprs.flatMap((e) => evalExpr(e, data, data));
    else {
      const inner: string[] = [];
      execNodes([n], data, data, inner);
      values = [inner.join('')];
    }
    out += goJsonIndent(values) + '\n';
  }
  return out;
}

/** The values a single expression yields (custom-columns, --sort-by). */
export function findJsonPathValues(template: string, data: unknown): unknown[] {
  const nodes = parseJsonPath(template);
  const values: unknown[] = [];
  for (const n of nodes) {
    if (n.t === 'expr') for (const e of n.exprs) values.push(...evalExpr(e, data, data));
  }
  return values;
}

/**
 * kubectl's `RelaxedJSONPathExpression`: `.a.b`, `a.b` and `{.a.b}` all mean `{.a.b}`.
 */
export function relaxedJsonPath(path: string): string {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1);
  if (p.length === 0) return '{}';
  if (!p.startsWith('.') && !p.startsWith('$') && !p.startsWith('@')) p = '.' + p;
  return `{${p}}`;
}
