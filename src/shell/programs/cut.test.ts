import { describe, expect, it } from 'vitest';
import { cut } from './cut';
import { run, runBoth } from './test-io';

const files = { '/c': 'root:x:0:0:root:/root:/bin/bash\nab\n' };
const both = (argv: string | string[]) => runBoth(cut, argv, { files });

describe('cut', () => {
  it('selects fields, ranges, characters, and passes lines without the delimiter', () => {
    for (const r of both('cut -d: -f1 /c')) expect(r.out).toBe('root\nab\n');
    for (const r of both('cut -d: -f1,3 /c')) expect(r.out).toBe('root:0\nab\n');
    for (const r of both('cut -d: -f2- /c')) expect(r.out).toBe('x:0:0:root:/root:/bin/bash\nab\n');
    for (const r of both('cut -d: -f9 /c')) expect(r.out).toBe('\nab\n');
    for (const r of both('cut -c1-3 /c')) expect(r.out).toBe('roo\nab\n');
    for (const r of both('cut -s -d: -f1 /c')) expect(r.out).toBe('root\n');
    expect(run(cut, 'gnu', 'cut -s -d: -f1', { stdin: '\nx\n' }).out).toBe('');
    expect(run(cut, 'busybox', 'cut -s -d: -f1', { stdin: '\nx\n' }).out).toBe('\n');
    for (const r of runBoth(cut, ['cut', '-d', ' ', '-f2'], { stdin: 'a b\n' })) expect(r.out).toBe('b\n');
    expect(run(cut, 'gnu', 'cut -d: --output-delimiter=, -f1,3 /c', { files }).out).toBe('root,0\nab\n');
    expect(run(cut, 'busybox', 'cut -d: -O , -f1,3 /c', { files }).out).toBe('root,0\nab\n');
  });
  it('complains in each userland\'s words', () => {
    expect(run(cut, 'gnu', 'cut /c', { files })).toMatchObject({ err: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", code: 1 });
    expect(run(cut, 'busybox', 'cut /c', { files })).toMatchObject({ err: 'cut: expected a list of bytes, characters, or fields\n', code: 1 });
    expect(run(cut, 'gnu', 'cut -f0 /c', { files }).err).toBe("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n");
    expect(run(cut, 'gnu', 'cut -d ab -f1 /c', { files }).err).toBe("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    expect(run(cut, 'busybox', 'cut -d ab -f1 /c', { files }).out).toBe('root:x:0:0:root:/root:/bin/b\n\n');
    expect(run(cut, 'gnu', 'cut -f x /c', { files }).err).toBe("cut: invalid field value 'x'\nTry 'cut --help' for more information.\n");
    expect(run(cut, 'busybox', 'cut -f x /c', { files }).err).toBe("cut: invalid number 'x'\n");
    for (const r of both('cut -d: -f1 nope')) expect([r.err, r.code]).toEqual(['cut: nope: No such file or directory\n', 1]);
  });
});
