import { describe, expect, it } from 'vitest';
import { seq } from './seq';
import { run, runBoth } from './test-io';

describe('seq', () => {
  it('counts with FIRST, INC, LAST, -s and -w', () => {
    for (const r of runBoth(seq, 'seq 3')) expect(r.out).toBe('1\n2\n3\n');
    for (const r of runBoth(seq, 'seq 2 4')) expect(r.out).toBe('2\n3\n4\n');
    for (const r of runBoth(seq, 'seq 1 2 7')) expect(r.out).toBe('1\n3\n5\n7\n');
    for (const r of runBoth(seq, 'seq 5 -1 3')) expect(r.out).toBe('5\n4\n3\n');
    for (const r of runBoth(seq, 'seq -s, 3')) expect(r.out).toBe('1,2,3\n');
    for (const r of runBoth(seq, 'seq -w 8 10')) expect(r.out).toBe('08\n09\n10\n');
    for (const r of runBoth(seq, 'seq 1.5 3')) expect(r.out).toBe('1.5\n2.5\n');
    for (const r of runBoth(seq, 'seq 3 1')) expect(r.out).toBe('');
  });
  it('complains in each userland\'s words', () => {
    expect(run(seq, 'gnu', 'seq x')).toMatchObject({ err: "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n", code: 1 });
    expect(run(seq, 'gnu', 'seq').err).toBe("seq: missing operand\nTry 'seq --help' for more information.\n");
    expect(run(seq, 'busybox', 'seq x').err).toMatch(/^BusyBox v1\.37\.0 .*\n\nUsage: seq \[-w\] \[-s SEP\] \[FIRST \[INC\]\] LAST\n/);
  });
});
