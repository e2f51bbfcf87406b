import { describe, expect, it } from 'vitest';
import { head } from './head';
import { run, runBoth } from './test-io';

const files = { '/f5': '1\n2\n3\n4\n5', '/t1': 'a\n\nb' };
const twelve = Array.from({ length: 12 }, (_, i) => `${i + 1}\n`).join('');

describe('head', () => {
  it('prints the first 10 lines of stdin, -n N, -N and -n -K', () => {
    for (const r of runBoth(head, 'head', { stdin: twelve })) expect(r.out).toBe(twelve.split('\n').slice(0, 10).join('\n') + '\n');
    for (const r of runBoth(head, 'head -n 2 /f5', { files })) expect(r.out).toBe('1\n2\n');
    for (const r of runBoth(head, 'head -2 /f5', { files })) expect(r.out).toBe('1\n2\n');
    for (const r of runBoth(head, 'head -n -2 /f5', { files })) expect(r.out).toBe('1\n2\n3\n');
  });
  it('counts bytes with -c', () => {
    for (const r of runBoth(head, 'head -c 3 /f5', { files })) expect(r.out).toBe('1\n2');
    for (const r of runBoth(head, 'head -c -3 /f5', { files })) expect(r.out).toBe('1\n2\n3\n');
    expect(run(head, 'gnu', 'head -c +3 /f5', { files }).out).toBe('1\n2');
  });
  it('puts headers between several files', () => {
    for (const r of runBoth(head, 'head -n 2 /f5 /t1', { files })) expect(r.out).toBe('==> /f5 <==\n1\n2\n\n==> /t1 <==\na\n\n');
    for (const r of runBoth(head, 'head -q -n 1 /f5 /t1', { files })) expect(r.out).toBe('1\na\n');
  });
  it('complains about bad numbers and files as each userland does', () => {
    expect(run(head, 'gnu', 'head -n x /f5', { files })).toMatchObject({ err: "head: invalid number of lines: 'x'\n", code: 1 });
    expect(run(head, 'gnu', 'head -c x /f5', { files }).err).toBe("head: invalid number of bytes: 'x'\n");
    expect(run(head, 'busybox', 'head -n x /f5', { files })).toMatchObject({ err: "head: invalid number 'x'\n", code: 1 });
    expect(run(head, 'busybox', 'head -n +2 /f5', { files }).err).toBe("head: invalid number '+2'\n");
    expect(run(head, 'gnu', 'head nope /').err).toBe("head: cannot open 'nope' for reading: No such file or directory\nhead: error reading '/': Is a directory\n");
    expect(run(head, 'busybox', 'head nope /').err).toBe('head: nope: No such file or directory\nhead: /: Input/output error\n');
    expect(run(head, 'gnu', 'head -n').err).toBe("head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n");
  });
  it('takes GNU long options', () => {
    expect(run(head, 'gnu', 'head --lines=1 /f5', { files }).out).toBe('1\n');
    expect(run(head, 'gnu', 'head --lines 1 /f5', { files }).out).toBe('1\n');
    expect(run(head, 'gnu', 'head --bogus').err).toBe("head: unrecognized option '--bogus'\nTry 'head --help' for more information.\n");
  });
});
