import { describe, expect, it } from 'vitest';
import { programsFor } from './index';
import { run } from './test-io';

const EXPECTED = ['awk', 'base64', 'basename', 'cat', 'cp', 'cut', 'date', 'df', 'dirname', 'du', 'echo', 'env', 'false', 'find', 'free',
  'grep', 'head', 'id', 'ls', 'mkdir', 'mv', 'printenv', 'rm', 'rmdir', 'sed', 'seq', 'sort', 'tail', 'tee', 'touch', 'tr', 'true',
  'uname', 'uniq', 'wc', 'whoami', 'xargs', 'yes'];

describe('programs registry', () => {
  it('has the same programs in both userlands', () => {
    for (const u of ['busybox', 'gnu'] as const) expect([...programsFor(u).keys()].sort()).toEqual(EXPECTED);
  });
  it('runs a pipeline stage by stage, as the shell will', () => {
    const stdin = 'web-1 Running\nweb-2 Pending\ndb-1 Running\n';
    const grep = run(programsFor('gnu').get('grep')!, 'gnu', 'grep Running', { stdin });
    const cut = run(programsFor('gnu').get('cut')!, 'gnu', ['cut', '-d', ' ', '-f1'], { stdin: grep.out });
    const sorted = run(programsFor('gnu').get('sort')!, 'gnu', 'sort -r', { stdin: cut.out });
    expect(sorted.out).toBe('web-1\ndb-1\n');
    const wc = run(programsFor('busybox').get('wc')!, 'busybox', 'wc -l', { stdin: sorted.out });
    expect(wc.out).toBe('2\n');
  });
  it('answers every program\'s unknown option with a usage error and a non-zero status', () => {
    for (const u of ['busybox', 'gnu'] as const) {
      for (const [name, program] of programsFor(u)) {
        if (['echo', 'true', 'false', 'yes', 'printenv'].includes(name)) continue;
        const r = run(program, u, [name, '-%']);
        expect(r.code, `${u} ${name}`).not.toBe(0);
        expect(r.err, `${u} ${name}`).toMatch(new RegExp(`^${name}: (invalid option -- '%'|unrecognized: -%|unknown predicate \`-%'|invalid date '-%')`));
      }
    }
  });
});
