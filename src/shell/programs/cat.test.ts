import { describe, expect, it } from 'vitest';
import { cat } from './cat';
import { run, runBoth } from './test-io';

const files = { '/t': 'a\n\nb' };

describe('cat', () => {
  it('copies files and stdin', () => {
    for (const r of runBoth(cat, 'cat /t -', { files, stdin: 'in\n' })) expect(r.out).toBe('a\n\nbin\n');
  });
  it('numbers lines (-n, -b); busybox ends the last line', () => {
    expect(run(cat, 'gnu', 'cat -n /t', { files }).out).toBe('     1\ta\n     2\t\n     3\tb');
    expect(run(cat, 'busybox', 'cat -n /t', { files }).out).toBe('     1\ta\n     2\t\n     3\tb\n');
    expect(run(cat, 'gnu', 'cat -b /t', { files }).out).toBe('     1\ta\n\n     2\tb');
  });
  it('reports missing files and directories in each userland\'s words', () => {
    const bb = run(cat, 'busybox', 'cat nope / /t', { files });
    expect([bb.err, bb.out, bb.code]).toEqual(["cat: can't open 'nope': No such file or directory\ncat: read error: Is a directory\n", 'a\n\nb', 1]);
    const gnu = run(cat, 'gnu', ['/bin/cat', 'nope', '/']);
    expect([gnu.err, gnu.code]).toEqual(['/bin/cat: nope: No such file or directory\n/bin/cat: /: Is a directory\n', 1]);
  });
  it('rejects unknown options', () => {
    expect(run(cat, 'gnu', 'cat -z').err).toBe("cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n");
    const bb = run(cat, 'busybox', 'cat -z');
    expect(bb.err).toMatch(/^cat: invalid option -- 'z'\nBusyBox v1\.37\.0 .*\n\nUsage: cat \[-nbvteA\] \[FILE\]\.\.\.\n/);
    expect(bb.code).toBe(1);
  });
});
