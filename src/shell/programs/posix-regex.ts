/**
 * POSIX basic and extended regular expressions (with the GNU extensions grep and sed accept:
 * `\+ \? \| \< \> \b \w \s`) translated to JavaScript RegExp source. Errors carry glibc
 * regcomp's messages (`Unmatched ( or \(` …), which GNU tools print as they are and busybox
 * wraps as `bad regex 'RE'`. Matching is JavaScript's leftmost-first, not POSIX leftmost-longest:
 * the two differ only for alternatives that are prefixes of each other.
 */
export class RegexError extends Error {}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

/** Translates a POSIX RE (`extended`: ERE) to JavaScript source. */
export function posixToJs(re: string, extended: boolean): string {
  let out = '';
  let groups = 0;
  let open = 0;
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    const start = atStart;
    atStart = false;
    if (c === '[') {
      const [cls, next] = bracket(re, i);
      out += cls;
      i = next;
      continue;
    }
    if (c === '\\') {
      const d = re[++i];
      if (d === undefined) throw new RegexError('Trailing backslash');
      const special = extended ? undefined : breSpecial(d);
      if (special !== undefined) {
        if (d === '(') { groups++; open++; atStart = true; }
        if (d === ')') { if (!open) throw new RegexError('Unmatched ) or \\)'); open--; }
        if (d === '{') { i = interval(re, i, true, (s) => { out += s; }); continue; }
        if (d === '|') atStart = true;
        out += special;
      } else if (/[1-9]/.test(d)) {
        if (Number(d) > groups) throw new RegexError('Invalid back reference');
        out += '\\' + d;
      } else if (d === '<') out += '\\b(?=\\w)';
      else if (d === '>') out += '\\b(?<=\\w)';
      else if ('wWsSbB'.includes(d)) out += '\\' + d;
      else if (d === 'n') out += '\\n';
      else if (d === 't') out += '\\t';
      else out += escapeJs(d);
      continue;
    }
    if (extended) {
      if (c === '(') { groups++; open++; atStart = true; out += '('; continue; }
      if (c === ')') { if (open) { open--; out += ')'; } else out += '\\)'; continue; }
      if (c === '|') { atStart = true; out += '|'; continue; }
      if (c === '{') {
        if (/^\{\d+(,\d*)?\}/.test(re.slice(i)) && !start) { i = interval(re, i, false, (s) => { out += s; }); continue; }
        out += '\\{';
        continue;
      }
      if ('*+?'.includes(c)) { out += start ? '' : c; continue; }
      if (c === '^') { atStart = true; out += '^'; continue; }
      out += c === '}' ? '\\}' : c === '$' ? '$' : c === '.' ? '[^\\n]' : escapeJs(c);
      continue;
    }
    if (c === '*') { out += start ? '\\*' : '*'; continue; }
    if (c === '^') { if (start) { out += '^'; atStart = true; } else out += '\\^'; continue; }
    if (c === '$') { out += i === re.length - 1 || re.startsWith('\\)', i + 1) || re.startsWith('\\|', i + 1) ? '$' : '\\$'; continue; }
    out += c === '.' ? '[^\\n]' : escapeJs(c);
  }
  if (open) throw new RegexError('Unmatched ( or \\(');
  return out;
}

/** Compiles a POSIX RE; `flags` are JavaScript's (`i`, `g`). */
export function compile(re: string, extended: boolean, flags = ''): RegExp {
  const src = posixToJs(re, extended);
  try {
    return new RegExp(src, flags);
  } catch {
    throw new RegexError('Invalid regular expression');
  }
}

function breSpecial(d: string): string | undefined {
  return ({ '(': '(', ')': ')', '{': '{', '}': '}', '|': '|', '+': '+', '?': '?' } as Record<string, string>)[d];
}

/** `{m,n}` (ERE) or `\{m,n\}` (BRE) starting at re[i] (the `{`); returns the index of its end. */
function interval(re: string, i: number, bre: boolean, emit: (s: string) => void): number {
  const close = bre ? re.indexOf('\\}', i) : re.indexOf('}', i);
  if (close < 0) throw new RegexError(bre ? 'Unmatched \\{' : 'Unmatched { or \\{');
  const body = re.slice(i + 1, close);
  if (!/^\d+(,\d*)?$/.test(body)) throw new RegexError('Invalid content of \\{\\}');
  emit(`{${body}}`);
  return bre ? close + 1 : close;
}

/** A bracket expression starting at re[i]; returns its JS form and the index of its `]`. */
function bracket(re: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (re[j] === '^') { out += '^'; j++; }
  let first = true;
  for (; j < re.length; j++) {
    const c = re[j];
    if (c === ']' && !first) return [out + ']', j];
    first = false;
    if (c === '[' && re[j + 1] === ':') {
      const end = re.indexOf(':]', j + 2);
      if (end < 0) break;
      const cls = CLASSES[re.slice(j + 2, end)];
      if (cls === undefined) throw new RegexError('Invalid character class name');
      out += cls;
      j = end + 1;
      continue;
    }
    out += c === '\\' || c === ']' || c === '[' ? '\\' + c : c;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

function escapeJs(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

/** A fixed string as RegExp source. */
export function escapeFixed(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
