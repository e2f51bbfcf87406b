import { describe, expect, it } from 'vitest';
import { run, runBoth } from './test-io';
import { wc } from './wc';

const files = { '/w': 'hello world\nfoo  bar baz\n', '/w2': 'x' };

describe('wc', () => {
  it('counts one column of one input unpadded in both userlands', () => {
    for (const r of runBoth(wc, 'wc -l /w', { files })) expect(r.out).toBe('2 /w\n');
    for (const r of runBoth(wc, 'wc -l', { stdin: 'a\nb\n' })) expect(r.out).toBe('2\n');
    for (const r of runBoth(wc, 'wc -L /w', { files })) expect(r.out).toBe('12 /w\n');
  });
  it('pads busybox columns to 9', () => {
    expect(run(wc, 'busybox', 'wc /w', { files }).out).toBe('        2         5        25 /w\n');
    expect(run(wc, 'busybox', 'wc', { stdin: 'hello world\nfoo  bar baz\n' }).out).toBe('        2         5        25\n');
    expect(run(wc, 'busybox', 'wc -l /w /w2', { files }).out).toBe('        2 /w\n        0 /w2\n        2 total\n');
  });
  it('pads GNU columns to the total size, or 7 for a pipe', () => {
    expect(run(wc, 'gnu', 'wc /w', { files }).out).toBe(' 2  5 25 /w\n');
    expect(run(wc, 'gnu', 'wc /w /w2', { files }).out).toBe(' 2  5 25 /w\n 0  1  1 /w2\n 2  6 26 total\n');
    expect(run(wc, 'gnu', 'wc', { stdin: 'hello world\nfoo  bar baz\n' }).out).toBe('      2       5      25\n');
    expect(run(wc, 'gnu', 'wc -w -l /w2 /w', { files }).out).toBe(' 0  1 /w2\n 2  5 /w\n 2  6 total\n');
  });
  it('reports missing files and still totals', () => {
    const gnu = run(wc, 'gnu', 'wc -w nope /w', { files });
    expect([gnu.out, gnu.err, gnu.code]).toEqual([' 5 /w\n 5 total\n', 'wc: nope: No such file or directory\n', 1]);
    const bb = run(wc, 'busybox', 'wc -w nope /w', { files });
    expect([bb.out, bb.err, bb.code]).toEqual(['        5 /w\n        5 total\n', 'wc: nope: No such file or directory\n', 1]);
  });
});
