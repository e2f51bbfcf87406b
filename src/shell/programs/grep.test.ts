import { describe, expect, it } from 'vitest';
import { grep } from './grep';
import { run, runBoth } from './test-io';

const files = {
  '/g': 'Apple pie\nbanana\napple\ncherry tart\n',
  '/gd/a': 'apple\n',
  '/gd/sub/b': 'nothing\n',
  '/gd/sub/c': 'apple x\n',
};
const both = (argv: string, stdin?: string) => runBoth(grep, argv, { files, stdin, cwd: '/' });

describe('grep', () => {
  it('selects lines, -i, -v, -c, -n, -l, -o, -w, -x, -E, -F', () => {
    for (const r of both('grep apple g')) expect([r.out, r.code]).toEqual(['apple\n', 0]);
    for (const r of both('grep -i apple g')) expect(r.out).toBe('Apple pie\napple\n');
    for (const r of both('grep -v apple g')) expect(r.out).toBe('Apple pie\nbanana\ncherry tart\n');
    for (const r of both('grep -c apple g')) expect(r.out).toBe('1\n');
    for (const r of both('grep -n apple g g')) expect(r.out).toBe('g:3:apple\ng:3:apple\n');
    for (const r of both('grep -l apple g gd/a')) expect(r.out).toBe('g\ngd/a\n');
    for (const r of both('grep -c apple g gd/a')) expect(r.out).toBe('g:1\ngd/a:1\n');
    for (const r of both('grep -o an g')) expect(r.out).toBe('an\nan\n');
    for (const r of both('grep -w apple g')) expect(r.out).toBe('apple\n');
    for (const r of both('grep -x banana g')) expect(r.out).toBe('banana\n');
    for (const r of runBoth(grep, ['grep', '-E', 'pie|tart', '/g'], { files })) expect(r.out).toBe('Apple pie\ncherry tart\n');
    for (const r of both('grep -F a. g')) expect([r.out, r.code]).toEqual(['', 1]);
    for (const r of runBoth(grep, ['grep', 'b\\(an\\)\\1'], { stdin: 'banana\nbad\n' })) expect(r.out).toBe('banana\n');
  });
  it('reads stdin, exits 1 without a match, and is quiet with -q', () => {
    for (const r of both('grep Running', 'web Running\ndb Pending\n')) expect(r.out).toBe('web Running\n');
    for (const r of both('grep zzz g')) expect([r.out, r.code]).toEqual(['', 1]);
    for (const r of both('grep -q apple g')) expect([r.out, r.code]).toEqual(['', 0]);
  });
  it('prints context with -A/-B/-C and -- between groups', () => {
    const text = '1\nx\n3\n4\n5\nx\n7\n';
    for (const r of both('grep -A1 x', text)) expect(r.out).toBe('x\n3\n--\nx\n7\n');
    for (const r of both('grep -n -B1 x', text)) expect(r.out).toBe('1-1\n2:x\n--\n5-5\n6:x\n');
  });
  it('recurses with -r', () => {
    for (const r of both('grep -r apple gd')) expect(r.out).toBe('gd/a:apple\ngd/sub/c:apple x\n');
  });
  it('reports errors with status 2', () => {
    for (const r of both('grep apple nope')) expect([r.err, r.code]).toEqual(['grep: nope: No such file or directory\n', 2]);
    for (const r of both('grep -s apple nope')) expect([r.err, r.code]).toEqual(['', 2]);
    expect(run(grep, 'gnu', 'grep apple gd', { files })).toMatchObject({ err: 'grep: gd: Is a directory\n', code: 2 });
    expect(run(grep, 'busybox', 'grep apple gd', { files })).toMatchObject({ err: '', code: 1 });
    expect(run(grep, 'gnu', ['grep', '-E', '(', '/g'], { files })).toMatchObject({ err: 'grep: Unmatched ( or \\(\n', code: 2 });
    expect(run(grep, 'busybox', ['grep', '-E', '(', '/g'], { files })).toMatchObject({ err: "grep: bad regex '('\n", code: 2 });
    expect(run(grep, 'gnu', ['grep', '[a', '/g'], { files }).err).toBe('grep: Unmatched [, [^, [:, [., or [=\n');
    expect(run(grep, 'gnu', ['grep', 'a\\{2'], {}).err).toBe('grep: Unmatched \\{\n');
    expect(run(grep, 'gnu', ['grep', '\\(a\\)\\2'], {}).err).toBe('grep: Invalid back reference\n');
    expect(run(grep, 'gnu', 'grep')).toMatchObject({ err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 });
    expect(run(grep, 'busybox', 'grep')).toMatchObject({ code: 2 });
    expect(run(grep, 'busybox', 'grep').err).toMatch(/^BusyBox v1\.37\.0 .*\n\nUsage: grep \[-HhnlLoqvsrRiwFEz\]/);
  });
});
