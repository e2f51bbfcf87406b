import { describe, expect, it } from 'vitest';
import { parseBashLine, parseScript, ShellSyntaxError, splitCommandLine } from './parse';

describe('splitCommandLine', () => {
  it('splits on whitespace and honours quotes and backslashes', () => {
    expect(splitCommandLine(`kubectl run bb --image=busybox -- sh -c 'echo "hi there"; sleep 5'`)).toEqual([
      'kubectl', 'run', 'bb', '--image=busybox', '--', 'sh', '-c', 'echo "hi there"; sleep 5',
    ]);
    expect(splitCommandLine(`a "b \\"c\\" \\$d" e\\ f ''`)).toEqual(['a', 'b "c" $d', 'e f', '']);
    expect(splitCommandLine(`-o jsonpath='{.items[*].metadata.name}'`)).toEqual(['-o', 'jsonpath={.items[*].metadata.name}']);
    expect(splitCommandLine('  ')).toEqual([]);
  });

  it('rejects unterminated quotes', () => {
    expect(() => splitCommandLine(`echo 'abc`)).toThrow(ShellSyntaxError);
    expect(() => splitCommandLine(`echo "abc`)).toThrow(ShellSyntaxError);
  });

  it("speaks bash's messages, and joins lines at backslash-newline", () => {
    expect(() => splitCommandLine(`echo 'abc`)).toThrow("unexpected EOF while looking for matching `''");
    expect(() => splitCommandLine(`echo "abc`)).toThrow('unexpected EOF while looking for matching `"\'');
    expect(splitCommandLine('kubectl get \\\npods "a\\\nb"')).toEqual(['kubectl', 'get', 'pods', 'ab']);
  });

  it('reads words only: operators, comments and expansions stay literal', () => {
    expect(splitCommandLine('a|b $x `y` #c ; d>e')).toEqual(['a|b', '$x', '`y`', '#c', ';', 'd>e']);
    expect(splitCommandLine('a \\')).toEqual(['a']);
  });
});

describe('parseScript', () => {
  it('parses lists, pipelines, loops and redirects', () => {
    const list = parseScript('x=1; while true; do echo "$x" | cat > /tmp/f; done && echo ok # done');
    expect(list.items.map((i) => [i.op, i.command.kind])).toEqual([[';', 'simple'], [';', 'while'], ['&&', 'simple']]);
    const loop = list.items[1].command as Extract<ReturnType<typeof parseScript>['items'][number]['command'], { kind: 'while' }>;
    expect(loop.body.items[0].command.kind).toBe('pipeline');
  });

  it("speaks busybox's messages", () => {
    expect(() => parseScript('echo "abc')).toThrow(new ShellSyntaxError('unterminated quoted string'));
    expect(() => parseScript('if true; then echo')).toThrow('unexpected end of file (expecting "fi")');
    expect(() => parseScript('echo )')).toThrow('unexpected ")"');
  });

  it('reads redirections, negation and fd duplications', () => {
    const list = parseScript('! a 2>>log 1>&2 | b 2>&1 < in');
    const cmd = list.items[0].command;
    expect(cmd.kind).toBe('pipeline');
    if (cmd.kind !== 'pipeline') return;
    expect(cmd.negate).toBe(true);
    const [a, b] = cmd.commands;
    expect(a.kind === 'simple' && a.redirects.map((r) => r.op)).toEqual(['2>>', '>&2']);
    expect(b.kind === 'simple' && b.redirects.map((r) => r.op)).toEqual(['2>&1', '<']);
  });

  it("names the token bash names in its syntax errors", () => {
    const token = (src: string) => {
      try {
        parseBashLine(src);
      } catch (e) {
        return e instanceof ShellSyntaxError ? [e.token, e.endOfInput] : e;
      }
      return 'parsed';
    };
    expect(token('echo a; fi')).toEqual(['fi', false]);
    expect(token('then')).toEqual(['then', false]);
    expect(token('a | | b')).toEqual(['|', false]);
    expect(token('a ;; b')).toEqual([';;', false]);
    expect(token('echo >')).toEqual(['newline', true]);
    expect(token('for 1 in a; do :; done')).toEqual(['1', false]);
    expect(token('while true; do')).toEqual([undefined, true]);
    expect(token('echo done fi')).toBe('parsed');
  });
});

describe('background lists', () => {
  it('marks an and-or list ended by `&` as one background item, with its text', () => {
    const list = parseBashLine('echo a; kubectl port-forward pod/web 8080:80 & curl -s localhost:8080');
    expect(list.items.map((i) => i.background)).toEqual([undefined, 'kubectl port-forward pod/web 8080:80', undefined]);
    const chain = parseBashLine('true && sleep 5 &');
    expect(chain.items).toHaveLength(1);
    expect(chain.items[0].command.kind).toBe('group');
    expect(chain.items[0].background).toBe('true && sleep 5');
  });
});
