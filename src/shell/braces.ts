/**
 * bash's brace expansion (bash manual 3.5.1), done before any other expansion and only by bash
 * (busybox ash and dash leave `{1..3}` alone): `{a,b}` lists, `{1..10}`, `{01..10..3}`,
 * `{a..e}` sequences, with a preamble and a postscript (`x{a,b}y` → `xay xby`), nested
 * (`{a,b{1,2}}`). Only unquoted literal text takes part: `"{a,b}"` and `${x}` do not expand, and
 * `{a}`, `{}` or `{1..}` stay as written.
 */
import type { Word } from './parse';

/** The words `word` expands to: itself alone when it has no brace expression. */
export function braceExpand(word: Word): Word[] {
  for (let i = 0; i < word.length; i++) {
    const p = word[i];
    if (p.kind !== 'lit' || p.quoted || !p.text.includes('{')) continue;
    const texts = expandFirst(p.text);
    if (!texts) continue;
    return texts.flatMap((text) => braceExpand([...word.slice(0, i), { ...p, text }, ...word.slice(i + 1)]));
  }
  return [word];
}

/** The texts from expanding the leftmost valid brace expression of `text`, or undefined. */
function expandFirst(text: string): string[] | undefined {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    if (open > 0 && text[open - 1] === '$') continue;
    const close = matching(text, open);
    if (close < 0) return undefined;
    const body = text.slice(open + 1, close);
    const alts = sequence(body) ?? list(body);
    if (!alts) continue;
    const pre = text.slice(0, open);
    const post = text.slice(close + 1);
    return alts.map((a) => pre + a + post);
  }
  return undefined;
}

/** The index of the `}` closing the `{` at `open`, or -1. */
function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,b,c` split at its top-level commas; undefined without one. */
function list(body: string): string[] | undefined {
  const alts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      alts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (!alts.length) return undefined;
  alts.push(body.slice(start));
  return alts;
}

const MAX_ITEMS = 100_000;

/** `x..y[..incr]` of integers (zero-padded when either end is) or of single letters. */
function sequence(body: string): string[] | undefined {
  const num = /^([+-]?\d+)\.\.([+-]?\d+)(?:\.\.([+-]?\d+))?$/.exec(body);
  const chr = num ? null : /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([+-]?\d+))?$/.exec(body);
  const m = num ?? chr;
  if (!m) return undefined;
  const from = num ? Number(m[1]) : m[1].charCodeAt(0);
  const to = num ? Number(m[2]) : m[2].charCodeAt(0);
  const step = Math.max(1, Math.abs(Number(m[3] ?? 1)));
  const padded = num && [m[1], m[2]].some((s) => /^[+-]?0\d/.test(s));
  const width = padded ? Math.max(m[1].length, m[2].length) : 0;
  const out: string[] = [];
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
    if (out.length >= MAX_ITEMS) break;
    if (!num) out.push(String.fromCharCode(v));
    else out.push(width ? (v < 0 ? '-' + String(-v).padStart(width - 1, '0') : String(v).padStart(width, '0')) : String(v));
  }
  return out;
}
