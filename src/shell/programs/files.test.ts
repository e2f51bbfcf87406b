/** mkdir, rmdir, rm, touch, cp, mv: texts checked against GNU coreutils 9.1 and busybox 1.35. */
import { describe, expect, it } from 'vitest';
import { cp, mv } from './cp';
import { mkdir, rmdir } from './mkdir';
import { rm } from './rm';
import { run, runBoth } from './test-io';
import { touch } from './touch';

const files = () => ({ files: { '/w/f': 'x\n', '/w/d/keep': 'k\n' }, cwd: '/w' });

describe('mkdir and rmdir', () => {
  it('make directories, -p makes parents and accepts existing ones', () => {
    for (const r of runBoth(mkdir, 'mkdir -p a/b', files())) expect([r.code, r.fs.stat('/w/a/b')]).toMatchObject([0, { type: 'dir' }]);
    expect(run(mkdir, 'gnu', 'mkdir -v q', files()).out).toBe("mkdir: created directory 'q'\n");
  });
  it('complain in each userland\'s words', () => {
    expect(run(mkdir, 'gnu', 'mkdir d a/b f/x', files()).err).toBe(
      "mkdir: cannot create directory 'd': File exists\nmkdir: cannot create directory 'a/b': No such file or directory\nmkdir: cannot create directory 'f/x': Not a directory\n");
    expect(run(mkdir, 'busybox', 'mkdir d a/b', files())).toMatchObject({
      err: "mkdir: can't create directory 'd': File exists\nmkdir: can't create directory 'a/b': No such file or directory\n", code: 1 });
    expect(run(mkdir, 'gnu', 'mkdir').err).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    expect(run(rmdir, 'gnu', 'rmdir d', files()).err).toBe("rmdir: failed to remove 'd': Directory not empty\n");
    expect(run(rmdir, 'busybox', 'rmdir d', files()).err).toBe("rmdir: 'd': Directory not empty\n");
  });
});

describe('rm', () => {
  it('removes files, -r directories, -f is quiet', () => {
    for (const r of runBoth(rm, 'rm f', files())) expect([r.code, r.fs.stat('/w/f')]).toEqual([0, 'ENOENT']);
    for (const r of runBoth(rm, 'rm -r d', files())) expect(r.fs.stat('/w/d')).toBe('ENOENT');
    for (const r of runBoth(rm, 'rm -f nope', files())) expect([r.err, r.code]).toEqual(['', 0]);
    for (const r of runBoth(rm, 'rm -f', files())) expect(r.code).toBe(0);
    expect(run(rm, 'gnu', 'rm -rv d', files()).out).toBe("removed directory 'd'\n");
  });
  it('complains in each userland\'s words', () => {
    expect(run(rm, 'gnu', 'rm nope d', files())).toMatchObject({ err: "rm: cannot remove 'nope': No such file or directory\nrm: cannot remove 'd': Is a directory\n", code: 1 });
    expect(run(rm, 'busybox', 'rm nope d', files())).toMatchObject({ err: "rm: can't remove 'nope': No such file or directory\nrm: 'd' is a directory\n", code: 1 });
    expect(run(rm, 'gnu', 'rm').err).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
  });
});

describe('touch', () => {
  it('creates files and keeps contents', () => {
    for (const r of runBoth(touch, 'touch new f', files())) expect([r.fs.read('/w/new'), r.fs.read('/w/f')]).toEqual(['', 'x\n']);
    for (const r of runBoth(touch, 'touch -c nope', files())) expect([r.code, r.fs.stat('/w/nope')]).toEqual([0, 'ENOENT']);
  });
  it('complains in each userland\'s words', () => {
    expect(run(touch, 'gnu', 'touch nod/x', files())).toMatchObject({ err: "touch: cannot touch 'nod/x': No such file or directory\n", code: 1 });
    expect(run(touch, 'busybox', 'touch nod/x', files())).toMatchObject({ err: 'touch: nod/x: No such file or directory\n', code: 1 });
  });
});

describe('cp and mv', () => {
  it('copy files, into directories, and trees with -r', () => {
    for (const r of runBoth(cp, 'cp f g', files())) expect(r.fs.read('/w/g')).toBe('x\n');
    for (const r of runBoth(cp, 'cp f d', files())) expect(r.fs.read('/w/d/f')).toBe('x\n');
    for (const r of runBoth(cp, 'cp -r d e', files())) expect(r.fs.read('/w/e/keep')).toBe('k\n');
    for (const r of runBoth(mv, 'mv f h', files())) expect([r.fs.read('/w/h'), r.fs.stat('/w/f')]).toEqual(['x\n', 'ENOENT']);
    for (const r of runBoth(mv, 'mv d e', files())) expect([r.fs.read('/w/e/keep'), r.fs.stat('/w/d')]).toEqual(['k\n', 'ENOENT']);
    expect(run(cp, 'gnu', 'cp -v f g', files()).out).toBe("'f' -> 'g'\n");
  });
  it('complain in each userland\'s words', () => {
    expect(run(cp, 'gnu', 'cp nope g', files()).err).toBe("cp: cannot stat 'nope': No such file or directory\n");
    expect(run(cp, 'busybox', 'cp nope g', files()).err).toBe("cp: can't stat 'nope': No such file or directory\n");
    expect(run(cp, 'gnu', 'cp d e', files())).toMatchObject({ err: "cp: -r not specified; omitting directory 'd'\n", code: 1 });
    expect(run(cp, 'busybox', 'cp d e', files()).err).toBe("cp: omitting directory 'd'\n");
    expect(run(cp, 'gnu', 'cp f', files()).err).toBe("cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n");
    expect(run(cp, 'gnu', 'cp f nod/x', files()).err).toBe("cp: cannot create regular file 'nod/x': No such file or directory\n");
    expect(run(cp, 'busybox', 'cp f nod/x', files()).err).toBe("cp: can't create 'nod/x': No such file or directory\n");
    for (const r of runBoth(cp, 'cp f f', files())) expect([r.err, r.code]).toEqual(["cp: 'f' and 'f' are the same file\n", 1]);
    expect(run(cp, 'gnu', 'cp -r d d/sub', files()).err).toBe("cp: cannot copy a directory, 'd', into itself, 'd/sub'\n");
    expect(run(mv, 'gnu', 'mv nope x', files()).err).toBe("mv: cannot stat 'nope': No such file or directory\n");
    expect(run(mv, 'busybox', 'mv nope x', files()).err).toBe("mv: can't rename 'nope': No such file or directory\n");
    expect(run(mv, 'gnu', 'mv f nod/x', files()).err).toBe("mv: cannot move 'f' to 'nod/x': No such file or directory\n");
    expect(run(mv, 'gnu', 'mv f f', files()).err).toBe("mv: 'f' and 'f' are the same file\n");
    expect(run(mv, 'busybox', 'mv f f', files())).toMatchObject({ err: '', code: 0 });
  });
});
