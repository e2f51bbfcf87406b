import { describe, expect, it } from 'vitest';
import { run, runBoth } from './test-io';
import { tr } from './tr';

const both = (argv: string[], stdin: string) => runBoth(tr, ['tr', ...argv], { stdin });

describe('tr', () => {
  it('translates ranges, classes, escapes; pads SET2 with its last character', () => {
    for (const r of both(['a-z', 'A-Z'], 'Hello World\n')) expect(r.out).toBe('HELLO WORLD\n');
    for (const r of both(['[:lower:]', '[:upper:]'], 'hello\n')) expect(r.out).toBe('HELLO\n');
    for (const r of both([',', '\\n'], 'a,b,c\n')) expect(r.out).toBe('a\nb\nc\n');
    for (const r of both(['abc', 'x'], 'abc\n')) expect(r.out).toBe('xxx\n');
    for (const r of both(['a-f', 'xy'], 'abcdef')) expect(r.out).toBe('xyyyyy');
    for (const r of both(['\\\\', '/'], 'a\\b\n')) expect(r.out).toBe('a/b\n');
    expect(run(tr, 'gnu', ['tr', 'a-f', 'x[y*]'], { stdin: 'abcdef' }).out).toBe('xyyyyy');
  });
  it('deletes, squeezes and complements', () => {
    for (const r of both(['-d', 'lo'], 'Hello World\n')) expect(r.out).toBe('He Wrd\n');
    for (const r of both(['-s', 'a '], 'aaabbb  cc\n')) expect(r.out).toBe('abbb cc\n');
    for (const r of both(['-s', 'l'], 'hello\n')) expect(r.out).toBe('helo\n');
    for (const r of both(['-c', 'a', 'x'], 'abc\n')) expect(r.out).toBe('axxx');
    for (const r of both(['-cd', '[:alpha:]'], 'ab1\n')) expect(r.out).toBe('ab');
  });
  it('complains in each userland\'s words', () => {
    expect(run(tr, 'gnu', 'tr')).toMatchObject({ err: "tr: missing operand\nTry 'tr --help' for more information.\n", code: 1 });
    expect(run(tr, 'gnu', 'tr abc').err).toBe("tr: missing operand after 'abc'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
    expect(run(tr, 'gnu', 'tr -d a b').err).toBe("tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n");
    expect(run(tr, 'gnu', 'tr a b c').err).toBe("tr: extra operand 'c'\nTry 'tr --help' for more information.\n");
    expect(run(tr, 'gnu', 'tr c-a x').err).toBe("tr: range-endpoints of 'c-a' are in reverse collating sequence order\n");
    expect(run(tr, 'busybox', 'tr abc', { stdin: 'abc\n' })).toMatchObject({ out: 'abc\n', code: 0 });
    expect(run(tr, 'busybox', 'tr -d').err).toMatch(/^BusyBox v1\.37\.0 .*\n\nUsage: tr \[-cds\] STRING1 \[STRING2\]\n/);
  });
});
