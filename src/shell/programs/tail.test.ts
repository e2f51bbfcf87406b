import { describe, expect, it } from 'vitest';
import { tail } from './tail';
import { run, runBoth } from './test-io';

const files = { '/f5': '1\n2\n3\n4\n5', '/t1': 'a\n\nb' };

describe('tail', () => {
  it('prints the last lines: -n N, -N, -n +K', () => {
    for (const r of runBoth(tail, 'tail -n 2 /f5', { files })) expect(r.out).toBe('4\n5');
    for (const r of runBoth(tail, 'tail -2 /f5', { files })) expect(r.out).toBe('4\n5');
    for (const r of runBoth(tail, 'tail -n -2 /f5', { files })) expect(r.out).toBe('4\n5');
    for (const r of runBoth(tail, 'tail -n +2 /f5', { files })) expect(r.out).toBe('2\n3\n4\n5');
    for (const r of runBoth(tail, 'tail -n 1', { stdin: 'x\ny\n' })) expect(r.out).toBe('y\n');
  });
  it('counts bytes with -c N and -c +K', () => {
    for (const r of runBoth(tail, 'tail -c 3 /f5', { files })) expect(r.out).toBe('4\n5');
    for (const r of runBoth(tail, 'tail -c +3 /f5', { files })) expect(r.out).toBe('2\n3\n4\n5');
  });
  it('puts headers between several files', () => {
    for (const r of runBoth(tail, 'tail -n 2 /f5 /t1', { files })) expect(r.out).toBe('==> /f5 <==\n4\n5\n==> /t1 <==\n\nb');
  });
  it('complains in each userland\'s words', () => {
    expect(run(tail, 'gnu', 'tail -n x /f5', { files }).err).toBe("tail: invalid number of lines: 'x'\n");
    expect(run(tail, 'busybox', 'tail -c x /f5', { files }).err).toBe("tail: invalid number 'x'\n");
    expect(run(tail, 'gnu', 'tail nope')).toMatchObject({ err: "tail: cannot open 'nope' for reading: No such file or directory\n", code: 1 });
    expect(run(tail, 'busybox', 'tail nope')).toMatchObject({ err: "tail: can't open 'nope': No such file or directory\ntail: no files\n", code: 1 });
    expect(run(tail, 'busybox', 'tail /').err).toBe('tail: read error: Is a directory\n');
    expect(run(tail, 'busybox', 'tail -n 1 /f5 nope', { files })).toMatchObject({ out: '5', err: "tail: can't open 'nope': No such file or directory\n", code: 1 });
    expect(run(tail, 'gnu', 'tail -n 1 /f5 nope', { files }).out).toBe('==> /f5 <==\n5');
  });
});
