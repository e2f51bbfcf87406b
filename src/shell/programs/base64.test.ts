import { describe, expect, it } from 'vitest';
import { base64 } from './base64';
import { run, runBoth } from './test-io';

describe('base64', () => {
  it('encodes with 76-column lines, -w N and -w 0', () => {
    for (const r of runBoth(base64, 'base64', { stdin: 'hello world' })) expect(r.out).toBe('aGVsbG8gd29ybGQ=\n');
    const zeros = '\0'.repeat(100);
    for (const r of runBoth(base64, 'base64', { stdin: zeros })) expect(r.out).toBe('A'.repeat(76) + '\n' + 'A'.repeat(58) + '==\n');
    for (const r of runBoth(base64, 'base64 -w 20', { stdin: '\0'.repeat(10) })) expect(r.out).toBe('AAAAAAAAAAAAAA==\n');
    for (const r of runBoth(base64, 'base64 -w 0', { stdin: zeros })) expect(r.out).toBe('A'.repeat(134) + '==\n');
    for (const r of runBoth(base64, 'base64', { stdin: '' })) expect(r.out).toBe('');
  });
  it('decodes (-d), including concatenated padded groups', () => {
    for (const r of runBoth(base64, 'base64 -d', { stdin: 'aGVsbG8gd29ybGQ=' })) expect([r.out, r.code]).toEqual(['hello world', 0]);
    for (const r of runBoth(base64, 'base64 -d', { stdin: 'aGVsbG8=aGk=\n' })) expect(r.out).toBe('hellohi');
    for (const r of runBoth(base64, 'base64 -d', { stdin: 'cGFzc3dvcmQxMjM=' })) expect(r.out).toBe('password123');
  });
  it('reports bad input as each userland does', () => {
    expect(run(base64, 'gnu', 'base64 -d', { stdin: 'aGVsbG8gd29ybGQ\n' })).toEqual(expect.objectContaining({ out: 'hello world', err: 'base64: invalid input\n', code: 1 }));
    expect(run(base64, 'busybox', 'base64 -d', { stdin: 'aGVsbG8gd29ybGQ\n' })).toEqual(expect.objectContaining({ out: 'hello wor', err: 'base64: truncated input\n', code: 1 }));
    expect(run(base64, 'gnu', 'base64 -d', { stdin: '!!!\n' })).toEqual(expect.objectContaining({ out: '', err: 'base64: invalid input\n', code: 1 }));
    expect(run(base64, 'busybox', 'base64 -d', { stdin: '!!!\n' })).toEqual(expect.objectContaining({ out: '', err: '', code: 0 }));
    expect(run(base64, 'gnu', 'base64 -d', { stdin: 'aGVs bG8=\n' })).toEqual(expect.objectContaining({ out: 'hel', err: 'base64: invalid input\n' }));
    expect(run(base64, 'busybox', 'base64 -d', { stdin: 'aGVs bG8=\n' }).out).toBe('hello');
    expect(run(base64, 'gnu', 'base64 -di', { stdin: ' aGk=' }).out).toBe('hi');
    expect(run(base64, 'gnu', 'base64 -w x').err).toBe("base64: invalid wrap size: 'x'\n");
    expect(run(base64, 'busybox', 'base64 -w x').err).toBe("base64: invalid number 'x'\n");
    for (const r of runBoth(base64, 'base64 nope')) expect([r.err, r.code]).toEqual(['base64: nope: No such file or directory\n', 1]);
  });
});
