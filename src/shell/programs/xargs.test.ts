import { describe, expect, it } from 'vitest';
import type { System } from '../program';
import { run, runBoth } from './test-io';
import { xargs } from './xargs';

/** A `sys.run` that records commands and answers like echo. */
function recorder(status = 0): { calls: string[][]; sys: Partial<System> } {
  const calls: string[][] = [];
  return { calls, sys: { run: (argv) => { calls.push(argv); return status; } } };
}

describe('xargs', () => {
  it('runs echo by default from the registry', () => {
    for (const r of runBoth(xargs, 'xargs', { stdin: 'a b\nc\n' })) expect([r.out, r.code]).toEqual(['a b c\n', 0]);
    for (const r of runBoth(xargs, 'xargs -n 2', { stdin: 'a b c d e\n' })) expect(r.out).toBe('a b\nc d\ne\n');
  });
  it('splits with quotes, -0, -I and -L', () => {
    const q = recorder();
    run(xargs, 'gnu', 'xargs -n1 cat', { stdin: '"a b" c\\ d\n', sys: q.sys });
    expect(q.calls).toEqual([['cat', 'a b'], ['cat', 'c d']]);
    const z = recorder();
    run(xargs, 'busybox', ['xargs', '-0', '-n1', 'rm'], { stdin: 'a\0b c\0', sys: z.sys });
    expect(z.calls).toEqual([['rm', 'a'], ['rm', 'b c']]);
    const i = recorder();
    run(xargs, 'busybox', ['xargs', '-I', '{}', 'kubectl', 'delete', 'pod', '{}'], { stdin: '  web-1\nweb-2\n', sys: i.sys });
    expect(i.calls).toEqual([['kubectl', 'delete', 'pod', 'web-1'], ['kubectl', 'delete', 'pod', 'web-2']]);
    const l = recorder();
    run(xargs, 'gnu', 'xargs -L1 echo', { stdin: 'a b\nc\n', sys: l.sys });
    expect(l.calls).toEqual([['echo', 'a', 'b'], ['echo', 'c']]);
  });
  it('runs once on empty input unless -r; -t traces', () => {
    const e = recorder();
    run(xargs, 'gnu', 'xargs echo hi', { stdin: '', sys: e.sys });
    run(xargs, 'gnu', 'xargs -r echo hi', { stdin: '', sys: e.sys });
    expect(e.calls).toEqual([['echo', 'hi']]);
    expect(run(xargs, 'gnu', 'xargs -t true', { stdin: 'a b\n' }).err).toBe('true a b\n');
  });
  it('exits 123 when a command fails, 127 when it is missing', () => {
    for (const r of runBoth(xargs, 'xargs false', { stdin: 'a\n' })) expect(r.code).toBe(123);
    for (const r of runBoth(xargs, 'xargs foo', { stdin: 'a\n' })) expect([r.err, r.code]).toEqual(['xargs: foo: No such file or directory\n', 127]);
  });
  it('complains in each userland\'s words', () => {
    expect(run(xargs, 'gnu', 'xargs -n x echo', { stdin: 'a\n' }).err).toBe('xargs: invalid number "x" for -n option\nTry \'xargs --help\' for more information.\n');
    expect(run(xargs, 'busybox', 'xargs -n x echo', { stdin: 'a\n' }).err).toBe("xargs: invalid number 'x'\n");
    expect(run(xargs, 'gnu', 'xargs -n1', { stdin: "'a b\n" })).toMatchObject({
      err: 'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n', code: 1 });
    expect(run(xargs, 'busybox', 'xargs -n1', { stdin: "'a b\n" }).err).toBe('xargs: unmatched single quote\n');
    expect(run(xargs, 'busybox', 'xargs -L1', { stdin: 'a\n' }).err).toMatch(/^xargs: invalid option -- 'L'\n/);
  });
});
