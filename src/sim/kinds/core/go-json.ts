/**
 * What Go's `json.Unmarshal(b, &map[string]interface{}{})` says about `text`, or undefined when
 * it decodes: encoding/json's scanner messages (`invalid character 'x' looking for beginning of
 * value`, `unexpected end of JSON input`) and its type error for a value that is not an object.
 * ValidateSecret checks dockercfg and dockerconfigjson Secrets with it.
 */
class Syntax extends Error {}

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, or strconv.Quote's escape between single quotes. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

export function goJsonObjectError(text: string): string | undefined {
  let i = 0;
  const end = () => new Syntax('unexpected end of JSON input');
  const bad = (context: string) => new Syntax(`invalid character ${quoteChar(text[i])} ${context}`);
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= text.length) throw end();
      if (text[i] !== word[k]) throw bad(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) throw end();
      const c = text[i];
      if (c === '"') return void i++;
      if (c < ' ') throw bad('in string literal');
      if (c === '\\') {
        i++;
        if (i >= text.length) throw end();
        if (!'"\\/bfnrtu'.includes(text[i])) throw bad('in string escape code');
        if (text[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= text.length) throw end();
            if (!/[0-9a-fA-F]/.test(text[i])) throw bad('in \\u hexadecimal character escape');
          }
        }
      }
      i++;
    }
  };
  const number = () => {
    if (text[i] === '-') {
      i++;
      if (i >= text.length) throw end();
      if (!/[0-9]/.test(text[i])) throw bad('in numeric literal');
    }
    if (text[i] === '0') i++;
    else while (/[0-9]/.test(text[i] ?? '')) i++;
    if (text[i] === '.') {
      i++;
      if (i >= text.length) throw end();
      if (!/[0-9]/.test(text[i])) throw bad('after decimal point in numeric literal');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (i >= text.length) throw end();
      if (!/[0-9]/.test(text[i])) throw bad('in exponent of numeric literal');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
  };
  const value = (): string => {
    space();
    if (i >= text.length) throw end();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return (i++, 'object');
      for (;;) {
        space();
        if (i >= text.length) throw end();
        if (text[i] !== '"') throw bad('looking for beginning of object key string');
        string();
        space();
        if (i >= text.length) throw end();
        if (text[i] !== ':') throw bad('after object key');
        i++;
        value();
        space();
        if (i >= text.length) throw end();
        if (text[i] === '}') return (i++, 'object');
        if (text[i] !== ',') throw bad('after object key:value pair');
        i++;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return (i++, 'array');
      for (;;) {
        value();
        space();
        if (i >= text.length) throw end();
        if (text[i] === ']') return (i++, 'array');
        if (text[i] !== ',') throw bad('after array element');
        i++;
      }
    }
    if (c === '"') return (string(), 'string');
    if (c === '-' || /[0-9]/.test(c)) return (number(), 'number');
    if (c === 't' || c === 'f') return (literal(c === 't' ? 'true' : 'false'), 'bool');
    if (c === 'n') return (literal('null'), 'null');
    throw bad('looking for beginning of value');
  };
  try {
    const kind = value();
    space();
    if (i < text.length) throw bad('after top-level value');
    if (kind === 'object' || kind === 'null') return undefined;
    return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
  } catch (e) {
    if (e instanceof Syntax) return e.message;
    throw e;
  }
}
