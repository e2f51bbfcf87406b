/** awk's values: numbers, strings, and numeric strings from input (POSIX "strnum"), and field splitting. */
export class StrNum { constructor(readonly s: string) {} }
export type Val = number | string | StrNum;
export type Arr = Map<string, Val>;

/** An uninitialised variable: "" and 0 at once. */
export const UNINIT = new StrNum('');
export const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** strtod's reading of a string's leading number; hexadecimal too (mawk and busybox: "0x1A"+0 is 26). */
export function toNumber(text: string): number {
  const hex = /^\s*([-+]?)0[xX]([0-9a-fA-F]+)/.exec(text);
  if (hex) return (hex[1] === '-' ? -1 : 1) * parseInt(hex[2], 16);
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text);
  return m ? Number(m[0]) : 0;
}

/** Compared as numbers when both sides are numbers or numeric strings from input. */
export function numericLike(v: Val): boolean {
  return typeof v === 'number' || (v instanceof StrNum && (v === UNINIT || NUMERIC.test(v.s)));
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FS rules: " " splits at blank runs (trimmed), one other character literally, else an ERE. */
export function splitFields(text: string, fs: string, regex: (re: string) => RegExp): string[] {
  if (fs === ' ') { const t = text.trim(); return t ? t.split(/[ \t\n]+/) : []; }
  if (text === '') return [];
  if (fs.length === 1 && fs !== '\\') return text.split(fs);
  return text.split(new RegExp(regex(fs).source));
}
