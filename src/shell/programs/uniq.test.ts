import { describe, expect, it } from 'vitest';
import { run, runBoth } from './test-io';
import { uniq } from './uniq';

const stdin = 'a\na\nb\nc\nc\nc\nA\n';

describe('uniq', () => {
  it('collapses adjacent duplicates, -c -d -u -i', () => {
    for (const r of runBoth(uniq, 'uniq', { stdin })) expect(r.out).toBe('a\nb\nc\nA\n');
    for (const r of runBoth(uniq, 'uniq -c', { stdin })) expect(r.out).toBe('      2 a\n      1 b\n      3 c\n      1 A\n');
    for (const r of runBoth(uniq, 'uniq -d', { stdin })) expect(r.out).toBe('a\nc\n');
    for (const r of runBoth(uniq, 'uniq -u', { stdin })) expect(r.out).toBe('b\nA\n');
    for (const r of runBoth(uniq, 'uniq -i', { stdin: 'x\nX\n' })) expect(r.out).toBe('x\n');
    for (const r of runBoth(uniq, 'uniq -f 1', { stdin: '1 a\n2 a\n3 b\n' })) expect(r.out).toBe('1 a\n3 b\n');
  });
  it('writes an OUTPUT operand', () => {
    expect(run(uniq, 'gnu', 'uniq /u /o', { files: { '/u': stdin } }).fs.read('/o')).toBe('a\nb\nc\nA\n');
  });
  it('complains in each userland\'s words', () => {
    expect(run(uniq, 'gnu', 'uniq nope')).toMatchObject({ err: 'uniq: nope: No such file or directory\n', code: 1 });
    expect(run(uniq, 'busybox', 'uniq nope')).toMatchObject({ err: "uniq: can't open 'nope': No such file or directory\n", code: 1 });
    expect(run(uniq, 'gnu', 'uniq a b c').err).toBe("uniq: extra operand 'c'\nTry 'uniq --help' for more information.\n");
  });
});
