/**
 * Kubernetes' `$(VAR)` expansion of env values, command and args, as in
 * third_party/forked/golang/expansion: `$$` is a literal `$`, `$(NAME)` is replaced when NAME
 * is known and kept as written when not, any other `$` is left alone.
 */

/** Expands `input`, looking names up in each context in turn (the first that has it wins). */
export function expand(input: string, ...contexts: ReadonlyArray<Readonly<Record<string, string>>>): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close < 0) out += '$(';
      else {
        out += lookup(rest.slice(1, close), contexts);
        advance = close + 1;
      }
    } else out += '$' + rest[0];
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

function lookup(name: string, contexts: ReadonlyArray<Readonly<Record<string, string>>>): string {
  for (const c of contexts) if (Object.hasOwn(c, name)) return c[name];
  return `$(${name})`;
}
