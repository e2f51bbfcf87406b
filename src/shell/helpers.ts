/**
 * Helpers of the shell's evaluator: `test`, `$(( ))`, `printf`,
 * `sleep` durations and `date` formatting.
 */
import type { FileStat, FsError } from './program';
import { DAY_NAMES, MONTH_NAMES, pad, utcParts } from '../sim/core/utc';

export function toInt(s: string): number {
  const n = parseInt(s, 10);
  return Number.isFinite(n) ? n : 2;
}

/** `sleep` arguments: `5`, `0.5`, `1m`, `2h`, `1d`. */
export function parseDuration(s: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(s ?? '');
  if (!m) return undefined;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  return Number(m[1]) * mult;
}

/** `date` in the C locale, UTC: `Thu Jan  1 09:00:00 UTC 2026`. */
export function formatDate(ms: number): string {
  const t = utcParts(ms);
  return `${DAY_NAMES[t.weekday]} ${MONTH_NAMES[t.month - 1]} ${String(t.day).padStart(2, ' ')} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} UTC ${t.year}`;
}

export function formatPrintf(fmt: string, args: string[]): string {
  let i = 0;
  return fmt
    .replace(/%([sd%])/g, (_, k: string) => (k === '%' ? '%' : k === 'd' ? String(parseInt(args[i++] ?? '0', 10) || 0) : args[i++] ?? ''))
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

/** `test` / `[`: the common file, string and integer tests. */
export function evalTest(args: string[], stat: (path: string) => FileStat | FsError): number {
  if (args[0] === '!') return evalTest(args.slice(1), stat) === 0 ? 1 : 0;
  if (args.length === 0) return 1;
  if (args.length === 1) return args[0] ? 0 : 1;
  if (args.length === 2) {
    const [op, v] = args;
    if (op === '-z') return v === '' ? 0 : 1;
    if (op === '-n') return v !== '' ? 0 : 1;
    const st = stat(v);
    const found = typeof st === 'string' ? undefined : st;
    if (op === '-e') return found ? 0 : 1;
    if (op === '-f') return found?.type === 'file' ? 0 : 1;
    if (op === '-s') return found && found.size > 0 ? 0 : 1;
    if (op === '-d') return found?.type === 'dir' ? 0 : 1;
    return 2;
  }
  const [a, op, b] = args;
  const na = Number(a);
  const nb = Number(b);
  const ok = ((): boolean => {
    switch (op) {
      case '=': case '==': return a === b;
      case '!=': return a !== b;
      case '-eq': return na === nb;
      case '-ne': return na !== nb;
      case '-lt': return na < nb;
      case '-le': return na <= nb;
      case '-gt': return na > nb;
      case '-ge': return na >= nb;
      default: return false;
    }
  })();
  return ok ? 0 : 1;
}

/** `$(( … ))`: integers, variables, + - * / % and parentheses, comparisons. */
export function evalArith(expr: string, vars: Map<string, string>): number {
  const tokens = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|[-+*/%()<>]/g) ?? [];
  let i = 0;
  const value = (name: string) => parseInt(vars.get(name) ?? '0', 10) || 0;
  const primary = (): number => {
    const t = tokens[i++];
    if (t === '(') { const v = comparison(); i++; return v; }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === undefined) return 0;
    return /^\d/.test(t) ? parseInt(t, 10) : value(t);
  };
  const term = (): number => {
    let v = primary();
    while (tokens[i] === '*' || tokens[i] === '/' || tokens[i] === '%') {
      const op = tokens[i++];
      const r = primary();
      v = op === '*' ? v * r : r === 0 ? 0 : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = term();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + term() : v - term();
    return v;
  };
  const comparison = (): number => {
    let v = sum();
    while (['<', '>', '<=', '>=', '==', '!='].includes(tokens[i])) {
      const op = tokens[i++];
      const r = sum();
      v = Number(op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : op === '>=' ? v >= r : op === '==' ? v === r : v !== r);
    }
    return v;
  };
  return comparison();
}
