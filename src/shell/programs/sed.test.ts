import { describe, expect, it } from 'vitest';
import { sed } from './sed';
import { run, runBoth } from './test-io';

const stdin = 'hello world\nfoo bar\nbaz\n';
const both = (script: string | string[], extra: string[] = []) =>
  runBoth(sed, ['sed', ...(Array.isArray(script) ? script : [script]), ...extra], { stdin });

describe('sed (outputs checked against GNU sed 4.9 and busybox 1.35)', () => {
  it('substitutes: first, g, N, I, &, groups, -E', () => {
    for (const r of both('s/o/0/')) expect(r.out).toBe('hell0 world\nf0o bar\nbaz\n');
    for (const r of both('s/o/0/g')) expect(r.out).toBe('hell0 w0rld\nf00 bar\nbaz\n');
    for (const r of both('s/o/0/2')) expect(r.out).toBe('hello w0rld\nfo0 bar\nbaz\n');
    for (const r of both('s/O/0/I')) expect(r.out).toBe('hell0 world\nf0o bar\nbaz\n');
    for (const r of both('s/o/&&/')) expect(r.out).toBe('helloo world\nfooo bar\nbaz\n');
    for (const r of both('s/\\(hel\\)lo/[\\1]/')) expect(r.out).toBe('[hel] world\nfoo bar\nbaz\n');
    for (const r of both(['-E', 's/(o+)/<\\1>/g'])) expect(r.out).toBe('hell<o> w<o>rld\nf<oo> bar\nbaz\n');
    for (const r of runBoth(sed, ['sed', 's|/|_|g'], { stdin: 'a/b/c\n' })) expect(r.out).toBe('a_b_c\n');
    expect(run(sed, 'gnu', ['sed', 's/\\w\\+/\\u&/g'], { stdin: 'web app\n' }).out).toBe('Web App\n');
  });
  it('selects lines: N, $, /re/, ranges, !, -n with p', () => {
    for (const r of both(['-n', '2p'])) expect(r.out).toBe('foo bar\n');
    for (const r of both('2d')) expect(r.out).toBe('hello world\nbaz\n');
    for (const r of both('$d')) expect(r.out).toBe('hello world\nfoo bar\n');
    for (const r of both('/foo/d')) expect(r.out).toBe('hello world\nbaz\n');
    for (const r of both(['-n', '/foo/p'])) expect(r.out).toBe('foo bar\n');
    for (const r of both('1,2s/^/> /')) expect(r.out).toBe('> hello world\n> foo bar\nbaz\n');
    for (const r of both('2!d')) expect(r.out).toBe('foo bar\n');
    for (const r of both(['-n', 's/o/0/p'])) expect(r.out).toBe('hell0 world\nf0o bar\n');
    for (const r of both(['-n', '$='])) expect(r.out).toBe('3\n');
    for (const r of both('/^$/d;s/a/b/')) expect(r.out).toBe('hello world\nfoo bbr\nbbz\n');
    for (const r of both(['-n', '/hello/,/foo/p'])) expect(r.out).toBe('hello world\nfoo bar\n');
  });
  it('runs -e pieces, q, y, a, i, c, hold space and blocks', () => {
    for (const r of both(['-e', 's/a/A/', '-e', 's/b/B/'])) expect(r.out).toBe('hello world\nfoo BAr\nBAz\n');
    for (const r of both('2q')) expect(r.out).toBe('hello world\nfoo bar\n');
    for (const r of both('y/abc/xyz/')) expect(r.out).toBe('hello world\nfoo yxr\nyxz\n');
    for (const r of both('1i\\\ntop')) expect(r.out).toBe('top\nhello world\nfoo bar\nbaz\n');
    for (const r of both('1a after')) expect(r.out).toBe('hello world\nafter\nfoo bar\nbaz\n');
    for (const r of both('2c\\\nchanged')) expect(r.out).toBe('hello world\nchanged\nbaz\n');
    for (const r of both(['-n', '1h;1!H;${x;s/\\n/,/g;p}'])) expect(r.out).toBe('hello world,foo bar,baz\n');
    for (const r of both(['-n', '/foo/{s/foo/FOO/;p}'])) expect(r.out).toBe('FOO bar\n');
    for (const r of both(':a;N;$!ba;s/\\n/ /g')) expect(r.out).toBe('hello world foo bar baz\n');
  });
  it('edits files in place with -i and keeps a missing final newline', () => {
    const r = run(sed, 'busybox', ['sed', '-i', 's/a/b/', '/f'], { files: { '/f': 'a\na' } });
    expect([r.out, r.fs.read('/f')]).toEqual(['', 'b\nb']);
    expect(run(sed, 'gnu', ['sed', '-i.bak', 's/x/y/', '/f'], { files: { '/f': 'x\n' } }).fs.read('/f')).toBe('y\n');
  });
  it('reports script errors in each userland\'s words', () => {
    const errs: Array<[string, string, string]> = [
      ['s/x', "sed: -e expression #1, char 3: unterminated `s' command\n", "sed: unmatched '/'\n"],
      ['k', "sed: -e expression #1, char 1: unknown command: `k'\n", 'sed: unsupported command k\n'],
      ['s/a/b/k', "sed: -e expression #1, char 7: unknown option to `s'\n", 'sed: bad option in substitution expression\n'],
      ['1', 'sed: -e expression #1, char 1: missing command\n', 'sed: missing command\n'],
      ['/abc', 'sed: -e expression #1, char 4: unterminated address regex\n', "sed: unmatched '/'\n"],
      ['s/a/b/;k', "sed: -e expression #1, char 8: unknown command: `k'\n", 'sed: unsupported command k\n'],
      ['s/\\(a/b/', 'sed: -e expression #1, char 8: Unmatched ( or \\(\n', "sed: bad regex '\\(a': Unmatched ( or \\(\n"],
      ['p}', "sed: -e expression #1, char 2: unexpected `}'\n", ''],
      ['{p', "sed: -e expression #1, char 0: unmatched `{'\n", ''],
    ];
    for (const [script, gnu, busybox] of errs) {
      expect(run(sed, 'gnu', ['sed', script], { stdin })).toMatchObject({ err: gnu, code: 1 });
      if (busybox) expect(run(sed, 'busybox', ['sed', script], { stdin })).toMatchObject({ err: busybox, code: 1 });
    }
    expect(run(sed, 'gnu', 'sed b foo')).toMatchObject({ err: "sed: can't read foo: No such file or directory\n", code: 2 });
    expect(run(sed, 'gnu', ['sed', 'b foo'])).toMatchObject({ err: "sed: can't find label for jump to `foo'\n", code: 1 });
    expect(run(sed, 'gnu', 'sed p nope')).toMatchObject({ err: "sed: can't read nope: No such file or directory\n", code: 2 });
    expect(run(sed, 'busybox', 'sed p nope')).toMatchObject({ err: 'sed: nope: No such file or directory\n', code: 1 });
  });
});
