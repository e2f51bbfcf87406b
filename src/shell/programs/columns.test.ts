import { describe, expect, it } from 'vitest';
import { columns } from './columns';

const root = ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

describe('ls columns (checked against ls -C in GNU 9.1 and busybox 1.35)', () => {
  it('GNU fits as many columns as it can, padding with tabs', () => {
    expect(columns(root, 80, 'gnu')).toBe('bin  etc   lib\t  media  opt   root  sbin  sys\tusr\ndev  home  lib64  mnt\t proc  run   srv   tmp\tvar\n');
    expect(columns(root, 40, 'gnu')).toBe('bin  home   media  proc  sbin  tmp\ndev  lib    mnt    root  srv   usr\netc  lib64  opt    run\t sys   var\n');
  });
  it('busybox uses one column width', () => {
    expect(columns(root, 80, 'busybox')).toBe('bin    etc    lib    media  opt    root   sbin   sys    usr\ndev    home   lib64  mnt    proc   run    srv    tmp    var\n');
    expect(columns(root, 40, 'busybox')).toBe('bin    lib    opt    sbin   usr\ndev    lib64  proc   srv    var\netc    media  root   sys\nhome   mnt    run    tmp\n');
  });
});
