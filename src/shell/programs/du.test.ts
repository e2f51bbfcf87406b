import { describe, expect, it } from 'vitest';
import { du } from './du';
import { run, runBoth } from './test-io';

const opts = { files: { '/lt/.hid': '', '/lt/a.txt': 'hello\n' }, cwd: '/lt' };
const withE = () => {
  const r = run(du, 'gnu', 'du', opts);
  r.fs.mkdir('/lt/d/e', true);
  return { fs: r.fs, cwd: '/lt' };
};

describe('du (checked against GNU du 9.1 and busybox 1.35)', () => {
  it('prints directories after their contents in 1K blocks', () => {
    for (const r of runBoth(du, 'du', withE())) expect(r.out).toBe('4\t./d/e\n8\t./d\n16\t.\n');
    for (const r of runBoth(du, 'du -s', withE())) expect(r.out).toBe('16\t.\n');
    for (const r of runBoth(du, 'du -a', withE())) expect(r.out).toBe('0\t./.hid\n4\t./a.txt\n4\t./d/e\n8\t./d\n16\t.\n');
    for (const r of runBoth(du, 'du -s a.txt d', withE())) expect(r.out).toBe('4\ta.txt\n8\td\n');
    for (const r of runBoth(du, 'du -c a.txt d', withE())) expect(r.out).toBe('4\ta.txt\n4\td/e\n8\td\n12\ttotal\n');
  });
  it('prints -h as each userland does', () => {
    expect(run(du, 'gnu', 'du -h', withE()).out).toBe('4.0K\t./d/e\n8.0K\t./d\n16K\t.\n');
    expect(run(du, 'busybox', 'du -sh', withE()).out).toBe('16.0K\t.\n');
  });
  it('reports a missing operand', () => {
    expect(run(du, 'gnu', 'du nope', opts)).toMatchObject({ err: "du: cannot access 'nope': No such file or directory\n", code: 1 });
    expect(run(du, 'busybox', 'du nope', opts)).toMatchObject({ err: 'du: nope: No such file or directory\n', code: 1 });
  });
});
