import { describe, expect, it } from 'vitest';
import { sort } from './sort';
import { run, runBoth } from './test-io';

const s = '10 b\n9 a\n1K x\n2M y\n10 b\nB\n';
const both = (argv: string | string[], stdin = s) => runBoth(sort, argv, { stdin });

describe('sort', () => {
  it('sorts bytewise, -r, -n, -rn, -u, -f', () => {
    for (const r of both('sort')) expect(r.out).toBe('10 b\n10 b\n1K x\n2M y\n9 a\nB\n');
    for (const r of both('sort -r', 'a\nc\nb\n')) expect(r.out).toBe('c\nb\na\n');
    for (const r of both('sort -n')) expect(r.out).toBe('B\n1K x\n2M y\n9 a\n10 b\n10 b\n');
    for (const r of both('sort -rn')) expect(r.out).toBe('10 b\n10 b\n9 a\n2M y\n1K x\nB\n');
    for (const r of both('sort -u')) expect(r.out).toBe('10 b\n1K x\n2M y\n9 a\nB\n');
    for (const r of both('sort -f', 'b\nB\na\n')) expect(r.out).toBe('a\nB\nb\n');
  });
  it('sorts by keys with -k and -t', () => {
    for (const r of both('sort -k2')) expect(r.out).toBe('B\n9 a\n10 b\n10 b\n1K x\n2M y\n');
    for (const r of both(['sort', '-t', ' ', '-k2,2', '-r'])) expect(r.out).toBe('2M y\n1K x\n10 b\n10 b\n9 a\nB\n');
    for (const r of both(['sort', '-t:', '-k3', '-n'], 'a:x:10\nb:x:9\n')) expect(r.out).toBe('b:x:9\na:x:10\n');
    for (const r of both('sort -k2nr', 'p 3\nq 12\nr 1\n')) expect(r.out).toBe('q 12\np 3\nr 1\n');
  });
  it('sorts human sizes with -h (busybox since 1.36)', () => {
    for (const r of both('sort -h')) expect(r.out).toBe('B\n9 a\n10 b\n10 b\n1K x\n2M y\n');
    for (const r of both('sort -rh', '1.5G\n800M\n2K\n')) expect(r.out).toBe('1.5G\n800M\n2K\n');
  });
  it('checks order with -c', () => {
    expect(run(sort, 'gnu', 'sort -c', { stdin: '1\n3\n2\n' })).toMatchObject({ err: 'sort: -:3: disorder: 2\n', code: 1 });
    expect(run(sort, 'busybox', 'sort -c', { stdin: '1\n3\n2\n' })).toMatchObject({ err: 'Check line 2\n', code: 1 });
  });
  it('complains in each userland\'s words, exit 2', () => {
    expect(run(sort, 'gnu', 'sort nope')).toMatchObject({ err: 'sort: cannot read: nope: No such file or directory\n', code: 2 });
    expect(run(sort, 'busybox', 'sort nope')).toMatchObject({ err: 'sort: nope: No such file or directory\n', code: 2 });
    expect(run(sort, 'gnu', 'sort -k x').err).toBe("sort: invalid number at field start: invalid count at start of 'x'\n");
    expect(run(sort, 'gnu', 'sort -k 0').err).toBe("sort: field number is zero: invalid field specification '0'\n");
    expect(run(sort, 'gnu', 'sort -k 1x').err).toBe("sort: stray character in field spec: invalid field specification '1x'\n");
    expect(run(sort, 'busybox', 'sort -k x')).toMatchObject({ err: 'sort: bad field specification\n', code: 2 });
    expect(run(sort, 'gnu', 'sort -t ab')).toMatchObject({ err: "sort: multi-character tab 'ab'\n", code: 2 });
    expect(run(sort, 'busybox', 'sort -t ab')).toMatchObject({ err: 'sort: bad -t parameter\n', code: 2 });
  });
  it('writes -o FILE', () => {
    const r = run(sort, 'gnu', 'sort -o /out', { stdin: 'b\na\n' });
    expect(r.fs.read('/out')).toBe('a\nb\n');
  });
});
