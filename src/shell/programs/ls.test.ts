import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../memory-fs';
import { ls, modeString } from './ls';
import { run, runBoth } from './test-io';

const NOV_14_2023 = 1_700_000_000_000;
const DEC_7_2026 = Date.UTC(2026, 11, 7, 4, 53);

function tree(): MemoryFs {
  const fs = new MemoryFs([], () => NOV_14_2023);
  fs.mkdir('/lt/d/e', true);
  fs.write('/lt/a.txt', 'hello\n', false);
  fs.write('/lt/.hid', '', false);
  return fs;
}
const sys = { now: () => DEC_7_2026 };
const opts = () => ({ fs: tree(), cwd: '/lt', sys });

describe('ls', () => {
  it('lists one name a line into a pipe, -a, -A, -1, -d, -F, -p', () => {
    for (const r of runBoth(ls, 'ls', opts())) expect(r.out).toBe('a.txt\nd\n');
    for (const r of runBoth(ls, 'ls -a', opts())) expect(r.out).toBe('.\n..\n.hid\na.txt\nd\n');
    for (const r of runBoth(ls, 'ls -A', opts())) expect(r.out).toBe('.hid\na.txt\nd\n');
    for (const r of runBoth(ls, 'ls -1', opts())) expect(r.out).toBe('a.txt\nd\n');
    for (const r of runBoth(ls, 'ls -d', opts())) expect(r.out).toBe('.\n');
    for (const r of runBoth(ls, 'ls -F', opts())) expect(r.out).toBe('a.txt\nd/\n');
    for (const r of runBoth(ls, 'ls d a.txt', opts())) expect(r.out).toBe('a.txt\n\nd:\ne\n');
  });
  it('prints columns on a terminal', () => {
    const fs = new MemoryFs();
    for (const n of ['bin', 'dev', 'etc', 'home', 'lib']) fs.mkdir('/' + n, false);
    expect(run(ls, 'gnu', 'ls /', { fs, sys: { tty: { columns: 80 } } }).out).toBe('bin  dev  etc  home  lib\n');
    expect(run(ls, 'busybox', 'ls /', { fs, sys: { tty: { columns: 80 } } }).out).toBe('bin   dev   etc   home  lib\n');
  });
  it('prints -l as GNU and busybox do', () => {
    expect(run(ls, 'gnu', 'ls -l', opts()).out).toBe('total 8\n-rw-r--r-- 1 root root    6 Nov 14  2023 a.txt\ndrwxr-xr-x 3 root root 4096 Nov 14  2023 d\n');
    expect(run(ls, 'busybox', 'ls -l', opts()).out).toBe(
      'total 8\n-rw-r--r--    1 root     root             6 Nov 14  2023 a.txt\ndrwxr-xr-x    3 root     root          4096 Nov 14  2023 d\n');
    expect(run(ls, 'gnu', 'ls -lh', opts()).out).toBe('total 8.0K\n-rw-r--r-- 1 root root    6 Nov 14  2023 a.txt\ndrwxr-xr-x 3 root root 4.0K Nov 14  2023 d\n');
    expect(run(ls, 'busybox', 'ls -lh a.txt', opts()).out).toBe('-rw-r--r--    1 root     root           6 Nov 14  2023 a.txt\n');
    expect(run(ls, 'gnu', 'ls -ld d', opts()).out).toBe('drwxr-xr-x 3 root root 4096 Nov 14  2023 d\n');
    const recent = { ...opts(), sys: { now: () => NOV_14_2023 + 60_000 } };
    expect(run(ls, 'gnu', 'ls -l a.txt', recent).out).toBe('-rw-r--r-- 1 root root 6 Nov 14 22:13 a.txt\n');
  });
  it('recurses with -R', () => {
    for (const r of runBoth(ls, 'ls -R', opts())) expect(r.out).toBe('.:\na.txt\nd\n\n./d:\ne\n\n./d/e:\n');
  });
  it('reports a missing operand: GNU exit 2, busybox 1', () => {
    expect(run(ls, 'gnu', 'ls nope', opts())).toMatchObject({ err: "ls: cannot access 'nope': No such file or directory\n", code: 2 });
    expect(run(ls, 'busybox', 'ls nope', opts())).toMatchObject({ err: 'ls: nope: No such file or directory\n', code: 1 });
  });
  it('spells modes', () => {
    expect(modeString({ type: 'dir', mode: 0o1777, size: 0, mtime: 0 })).toBe('drwxrwxrwt');
    expect(modeString({ type: 'file', mode: 0o755, size: 0, mtime: 0 })).toBe('-rwxr-xr-x');
  });
});
