import { describe, expect, it } from 'vitest';
import { parseScript, ShellSyntaxError, splitCommandLine } from './parse';

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
});
