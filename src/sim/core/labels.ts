/**
 * Label selectors: the `-l` string grammar (`app=web,tier in (a,b),!canary,version>2`),
 * the `LabelSelector` API object, matching, and the printed form kubectl shows.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | '>' | '<';

export interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values: string[];
  /** Written as `k=v` / `k!=v` (or matchLabels) rather than `in`/`notin`: only the printed form differs. */
  equality?: boolean;
}

/** A parsed selector: requirements ANDed. `null` selects nothing; `[]` selects everything. */
export type Selector = Requirement[] | null;

export class SelectorParseError extends Error {}

const TOKEN = /\s*(\(|\)|,|!=|==|=|!|>|<|[^\s(),!=<>]+)/y;

/** Parses the `-l` grammar. Throws SelectorParseError with kubectl-like text on bad input. */
export function parseSelector(input: string): Requirement[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  const s = input.trim();
  while (TOKEN.lastIndex < s.length) {
    const m = TOKEN.exec(s);
    if (!m) throw new SelectorParseError(`unable to parse requirement: found '${s.slice(TOKEN.lastIndex)}'`);
    tokens.push(m[1]);
  }
  const reqs: Requirement[] = [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  while (i < tokens.length) {
    if (peek() === '!') {
      next();
      const key = next();
      if (!key || isPunct(key)) throw new SelectorParseError(`unable to parse requirement: found '${key ?? ''}', expected: identifier`);
      reqs.push({ key, op: 'DoesNotExist', values: [] });
    } else {
      const key = next();
      if (isPunct(key)) throw new SelectorParseError(`unable to parse requirement: found '${key}', expected: !, identifier, or 'end of string'`);
      const op = peek();
      if (op === undefined || op === ',') {
        reqs.push({ key, op: 'Exists', values: [] });
      } else if (op === '=' || op === '==' || op === '!=') {
        next();
        let value = peek();
        if (value === undefined || value === ',') value = '';
        else next();
        reqs.push({ key, op: op === '!=' ? 'NotIn' : 'In', values: [value], equality: true });
      } else if (op === '>' || op === '<') {
        next();
        const value = next();
        if (!/^-?\d+$/.test(value ?? '')) throw new SelectorParseError(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
        reqs.push({ key, op: op === '>' ? 'Gt' : 'Lt', values: [value] });
      } else if (op === 'in' || op === 'notin') {
        next();
        if (next() !== '(') throw new SelectorParseError(`unable to parse requirement: found '${tokens[i - 1] ?? ''}', expected: '('`);
        const values: string[] = [];
        while (peek() !== ')') {
          const v = next();
          if (v === undefined) throw new SelectorParseError(`unable to parse requirement: found '', expected: ')'`);
          if (v !== ',') values.push(v);
        }
        next();
        reqs.push({ key, op: op === 'in' ? 'In' : 'NotIn', values });
      } else {
        throw new SelectorParseError(`unable to parse requirement: found '${op}', expected: in, notin, =, ==, !=, gt, lt`);
      }
    }
    if (i < tokens.length) {
      if (peek() !== ',') throw new SelectorParseError(`found '${peek()}', expected: ',' or 'end of string'`);
      next();
    }
  }
  return reqs;
}

function isPunct(t: string | undefined): boolean {
  return t === undefined || ['(', ')', ',', '=', '==', '!=', '!', '>', '<'].includes(t);
}

/** Converts an API LabelSelector. `undefined`/null selects nothing; `{}` everything. */
export function fromLabelSelector(sel: LabelSelector | null | undefined): Selector {
  if (!sel) return null;
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: 'In', values: [value], equality: true });
  for (const e of sel.matchExpressions ?? []) {
    reqs.push({ key: e.key, op: e.operator as Requirement['op'], values: e.values ?? [] });
  }
  return reqs;
}

export function matchSelector(sel: Selector, labels: Record<string, string>): boolean {
  if (sel === null) return false;
  for (const r of sel) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = has ? labels[r.key] : undefined;
    switch (r.op) {
      case 'In':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case 'NotIn':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      case 'Gt':
      case 'Lt': {
        if (!has || !/^-?\d+$/.test(v!)) return false;
        const n = Number(v);
        const bound = Number(r.values[0]);
        if (r.op === 'Gt' ? !(n > bound) : !(n < bound)) return false;
        break;
      }
    }
  }
  return true;
}

export function matchesLabelSelector(sel: LabelSelector | null | undefined, labels: Record<string, string> | undefined): boolean {
  return matchSelector(fromLabelSelector(sel), labels ?? {});
}

/** The printed form kubectl shows (`app=web,tier in (a,b)`), sorted by key; empty → `<none>`. */
export function formatSelector(sel: LabelSelector | null | undefined): string {
  const reqs = fromLabelSelector(sel);
  if (!reqs || reqs.length === 0) return '<none>';
  return [...reqs]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      const values = [...r.values].sort();
      switch (r.op) {
        case 'In':
          return r.equality ? `${r.key}=${values[0]}` : `${r.key} in (${values.join(',')})`;
        case 'NotIn':
          return r.equality ? `${r.key}!=${values[0]}` : `${r.key} notin (${values.join(',')})`;
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
        case 'Gt':
          return `${r.key}>${values[0]}`;
        case 'Lt':
          return `${r.key}<${values[0]}`;
      }
    })
    .join(',');
}

/** `k=v,k2=v2` sorted by key; empty → `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}
