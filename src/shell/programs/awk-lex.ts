/** awk's tokens (POSIX awk grammar's lexical conventions): a regex is `/…/` where an operand may start. */

export type Tok =
  | { t: 'num'; v: number; line: number }
  | { t: 'str'; v: string; line: number }
  | { t: 're'; v: string; line: number }
  | { t: 'name'; v: string; line: number }
  | { t: 'func'; v: string; line: number }
  | { t: 'funcname'; v: string; line: number }
  | { t: 'kw'; v: string; line: number }
  | { t: 'op'; v: string; line: number }
  | { t: 'nl'; v: '\n'; line: number }
  | { t: 'eof'; v: ''; line: number };

export class AwkSyntaxError extends Error {
  constructor(readonly near: string, readonly line: number) { super(`syntax error at or near ${near}`); }
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next',
  'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'toupper', 'tolower',
  'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'close', 'system', 'fflush', 'srand', 'rand']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };

export function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let line = 1;
  let i = 0;
  const operandEnded = () => {
    const p = toks[toks.length - 1];
    return !!p && (p.t === 'num' || p.t === 'str' || p.t === 'name' || p.t === 're' || (p.t === 'kw' && p.v === 'getline')
      || (p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--')));
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && src[i + 1] === '\n') { i += 2; line++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\n') { toks.push({ t: 'nl', v: '\n', line }); line++; i++; continue; }
    const num = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(src.slice(i));
    if (num) { toks.push({ t: 'num', v: Number(num[0]), line }); i += num[0].length; continue; }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (word) {
      const w = word[0];
      i += w.length;
      if (KEYWORDS.has(w)) toks.push({ t: 'kw', v: w === 'func' ? 'function' : w, line });
      else if (BUILTINS.has(w)) toks.push({ t: 'func', v: w, line });
      else toks.push({ t: src[i] === '(' ? 'funcname' : 'name', v: w, line });
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\n') throw new AwkSyntaxError('"', line);
        if (src[i] === '\\' && i + 1 < src.length) {
          const d = src[i + 1];
          const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1));
          if (oct) { s += String.fromCharCode(parseInt(oct[0], 8)); i += 1 + oct[0].length; continue; }
          s += ESCAPES[d] ?? '\\' + d;
          i += 2;
          continue;
        }
        s += src[i++];
      }
      if (src[i] !== '"') throw new AwkSyntaxError('"', line);
      i++;
      toks.push({ t: 'str', v: s, line });
      continue;
    }
    if (c === '/' && !operandEnded()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\n') throw new AwkSyntaxError('/', line);
        if (src[i] === '\\' && src[i + 1] === '/') { s += '/'; i += 2; continue; }
        if (src[i] === '\\' && i + 1 < src.length) { s += src[i] + src[i + 1]; i += 2; continue; }
        s += src[i++];
      }
      i++;
      toks.push({ t: 're', v: s, line });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(c, line);
    toks.push({ t: 'op', v: op === '**' ? '^' : op === '**=' ? '^=' : op, line });
    i += op.length;
  }
  toks.push({ t: 'eof', v: '', line });
  return toks;
}
