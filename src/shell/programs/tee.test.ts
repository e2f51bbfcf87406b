import { describe, expect, it } from 'vitest';
import { tee } from './tee';
import { runBoth } from './test-io';

describe('tee', () => {
  it('copies stdin to stdout and files, -a appends', () => {
    for (const r of runBoth(tee, 'tee /a /b', { stdin: 'x\n' })) expect([r.out, r.fs.read('/a'), r.fs.read('/b')]).toEqual(['x\n', 'x\n', 'x\n']);
    for (const r of runBoth(tee, 'tee -a /a', { stdin: 'y\n', files: { '/a': 'x\n' } })) expect(r.fs.read('/a')).toBe('x\ny\n');
  });
  it('reports a file it cannot write and still copies', () => {
    for (const r of runBoth(tee, 'tee /nonexist/f', { stdin: 'x\n' })) expect([r.out, r.err, r.code]).toEqual(['x\n', 'tee: /nonexist/f: No such file or directory\n', 1]);
  });
});
