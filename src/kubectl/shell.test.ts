import { describe, expect, it } from 'vitest';
import { ShellSyntaxError, splitCommandLine } from './shell';

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
});
