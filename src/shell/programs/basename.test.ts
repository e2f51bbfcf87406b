import { describe, expect, it } from 'vitest';
import { basename } from './basename';
import { dirname } from './dirname';
import { run, runBoth } from './test-io';

describe('basename and dirname', () => {
  it('strip directories and suffixes', () => {
    for (const r of runBoth(basename, 'basename /a/b/c.txt .txt')) expect(r.out).toBe('c\n');
    for (const r of runBoth(basename, 'basename /a/b/')) expect(r.out).toBe('b\n');
    for (const r of runBoth(basename, 'basename -a /x/y z')) expect(r.out).toBe('y\nz\n');
    for (const r of runBoth(dirname, 'dirname /a/b/c')) expect(r.out).toBe('/a/b\n');
    for (const r of runBoth(dirname, 'dirname c')) expect(r.out).toBe('.\n');
    for (const r of runBoth(dirname, 'dirname /')) expect(r.out).toBe('/\n');
  });
  it('complain about operands', () => {
    expect(run(basename, 'gnu', 'basename').err).toBe("basename: missing operand\nTry 'basename --help' for more information.\n");
    expect(run(basename, 'gnu', 'basename a b c').err).toBe("basename: extra operand 'c'\nTry 'basename --help' for more information.\n");
    expect(run(basename, 'busybox', 'basename').err).toMatch(/\n\nUsage: basename FILE \[SUFFIX\]/);
    expect(run(dirname, 'gnu', 'dirname')).toMatchObject({ err: "dirname: missing operand\nTry 'dirname --help' for more information.\n", code: 1 });
    expect(run(dirname, 'busybox', 'dirname')).toMatchObject({ code: 1 });
  });
});
