import { describe, expect, it } from 'vitest';
import { find } from './find';
import { run, runBoth } from './test-io';

const files = { '/lt/.hid': '', '/lt/a.txt': 'hello\n', '/lt/d/e/.keep': '' };
const opts = { files, cwd: '/lt' };
const both = (argv: string | string[]) => runBoth(find, argv, opts);

describe('find', () => {
  it('walks from . or the given paths', () => {
    for (const r of both('find')) expect(r.out).toBe('.\n./.hid\n./a.txt\n./d\n./d/e\n./d/e/.keep\n');
    for (const r of both('find /lt/d')) expect(r.out).toBe('/lt/d\n/lt/d/e\n/lt/d/e/.keep\n');
  });
  it('tests -name -iname -path -type -maxdepth -mindepth -empty, with ! and -o', () => {
    for (const r of both(['find', '.', '-name', '*.txt'])) expect(r.out).toBe('./a.txt\n');
    for (const r of both(['find', '.', '-iname', 'A*'])) expect(r.out).toBe('./a.txt\n');
    for (const r of both('find . -type d')) expect(r.out).toBe('.\n./d\n./d/e\n');
    for (const r of both('find . -maxdepth 1')) expect(r.out).toBe('.\n./.hid\n./a.txt\n./d\n');
    for (const r of both('find . -mindepth 2')) expect(r.out).toBe('./d/e\n./d/e/.keep\n');
    for (const r of both('find . -type f -name a.txt')) expect(r.out).toBe('./a.txt\n');
    for (const r of both('find . -name d -o -name .hid')) expect(r.out).toBe('./.hid\n./d\n');
    for (const r of both(['find', '.', '!', '-type', 'd'])) expect(r.out).toBe('./.hid\n./a.txt\n./d/e/.keep\n');
    for (const r of both(['find', '.', '-path', './d*'])) expect(r.out).toBe('./d\n./d/e\n./d/e/.keep\n');
    for (const r of both('find . -empty -type f')) expect(r.out).toBe('./.hid\n./d/e/.keep\n');
  });
  it('rounds -size up in GNU, compares bytes in busybox', () => {
    expect(run(find, 'gnu', 'find . -type f -size -1k', opts).out).toBe('./.hid\n./d/e/.keep\n');
    expect(run(find, 'busybox', 'find . -type f -size -1k', opts).out).toBe('./.hid\n./a.txt\n./d/e/.keep\n');
  });
  it('runs -exec per file and batched with +', () => {
    for (const r of both(['find', '.', '-name', '*.txt', '-exec', 'cat', '{}', ';'])) expect(r.out).toBe('hello\n');
    const seen: string[][] = [];
    const r = run(find, 'gnu', ['find', '.', '-type', 'f', '-exec', 'echo', '{}', '+'], { ...opts, sys: { run: (argv) => { seen.push(argv); return 0; } } });
    expect([r.out, seen]).toEqual(['', [['echo', './.hid', './a.txt', './d/e/.keep']]]);
  });
  it('reports errors in each userland\'s words', () => {
    expect(run(find, 'gnu', 'find nope', opts)).toMatchObject({ err: "find: 'nope': No such file or directory\n", code: 1 });
    expect(run(find, 'busybox', 'find nope', opts)).toMatchObject({ err: 'find: nope: No such file or directory\n', code: 1 });
    expect(run(find, 'gnu', 'find . -bogus', opts)).toMatchObject({ err: "find: unknown predicate `-bogus'\n", code: 1 });
    expect(run(find, 'busybox', 'find . -bogus', opts).err).toMatch(/^find: unrecognized: -bogus\nBusyBox v1\.37\.0 .*\n\nUsage: find \[-HL\] \[PATH\]/);
    expect(run(find, 'gnu', 'find . -type x', opts).err).toBe('find: Unknown argument to -type: x\n');
    expect(run(find, 'busybox', 'find . -type x', opts).err).toBe("find: invalid argument 'x' to '-type'\n");
    expect(run(find, 'gnu', 'find . -name', opts).err).toBe("find: missing argument to `-name'\n");
    expect(run(find, 'busybox', 'find . -name', opts).err).toBe('find: -name requires an argument\n');
    expect(run(find, 'gnu', 'find . -maxdepth x', opts).err).toBe("find: Expected a positive decimal integer argument to -maxdepth, but got 'x'\n");
  });
});
