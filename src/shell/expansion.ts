/**
 * Word expansion (POSIX 2.6) once any `$(…)` has run: parameters (`$x`, `${x:-d}`, `${#x}`,
 * `$?`, `$#`, `$@`, `$1`), arithmetic, then field splitting of what was not quoted.
 */
import { evalArith } from './helpers';
import type { Word } from './parse';

/** What expansion reads of the shell. */
export interface Params {
  vars: Map<string, string>;
  status: number;
  positional: string[];
}

/** Whether a word holds a command substitution (most do not: they expand without a generator). */
export function hasSubst(word: Word): boolean {
  for (const p of word) if (p.kind === 'subst') return true;
  return false;
}

/** The fields of `word`; `substituted` holds the outputs of its `$(…)` parts, in order. */
export function fields(word: Word, split: boolean, substituted: string[], params: Params): string[] {
  const out: string[] = [];
  let cur = '';
  let hasQuoted = false;
  let sub = 0;
  for (const part of word) {
    let text: string;
    if (part.kind === 'lit') text = part.text;
    else if (part.kind === 'var') text = param(part.name, params);
    else if (part.kind === 'arith') text = String(evalArith(part.expr, params.vars));
    else text = substituted[sub++];
    if (part.quoted || part.kind === 'lit' || !split) {
      cur += text;
      if (part.quoted) hasQuoted = true;
      continue;
    }
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((p, i) => {
      if (i > 0) { if (cur) out.push(cur); cur = ''; }
      cur += p;
    });
  }
  if (cur || hasQuoted) out.push(cur);
  return out;
}

function param(name: string, { vars, status, positional }: Params): string {
  if (name === '?') return String(status);
  if (name === '#') return String(positional.length);
  if (name === '@' || name === '*') return positional.join(' ');
  if (/^[1-9]$/.test(name) && !vars.has(name)) return positional[Number(name) - 1] ?? '';
  const len = /^#([A-Za-z_][A-Za-z0-9_]*)$/.exec(name);
  if (len) return String((vars.get(len[1]) ?? '').length);
  const dflt = /^([A-Za-z_][A-Za-z0-9_]*)(:?)-(.*)$/.exec(name);
  if (dflt) {
    const v = vars.get(dflt[1]);
    return dflt[2] ? v || dflt[3] : v ?? dflt[3];
  }
  return vars.get(name) ?? '';
}
