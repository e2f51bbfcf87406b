import { describe, expect, it } from 'vitest';
import { df } from './df';
import { run } from './test-io';

const disk = [
  { filesystem: 'devtmpfs', sizeKb: 12_334_760, usedKb: 0, mountedOn: '/dev' },
  { filesystem: '/dev/vda', sizeKb: 264_241_152, usedKb: 25_794_969, availableKb: 80_634_675, mountedOn: '/' },
];
const opts = { sys: { disk } };

describe('df (layouts checked against GNU df 9.1 and busybox 1.35)', () => {
  it('busybox: fixed columns', () => {
    expect(run(df, 'busybox', 'df', opts).out).toBe(
      'Filesystem           1K-blocks      Used Available Use% Mounted on\n' +
      'devtmpfs              12334760         0  12334760   0% /dev\n' +
      '/dev/vda             264241152  25794969  80634675  24% /\n');
    expect(run(df, 'busybox', 'df -h /', opts).out).toBe(
      'Filesystem                Size      Used Available Use% Mounted on\n' +
      '/dev/vda                252.0G     24.6G     76.9G  24% /\n');
  });
  it('GNU: columns as wide as their cells, Use% rounded up', () => {
    expect(run(df, 'gnu', 'df -h /', opts).out).toBe('Filesystem      Size  Used Avail Use% Mounted on\n/dev/vda        252G   25G   77G  25% /\n');
    expect(run(df, 'gnu', 'df', opts).out).toBe(
      'Filesystem     1K-blocks     Used Available Use% Mounted on\n' +
      'devtmpfs        12334760        0  12334760   0% /dev\n' +
      '/dev/vda       264241152 25794969  80634675  25% /\n');
  });
  it('shows a container\'s mounts by default and reports unknown files', () => {
    expect(run(df, 'busybox', 'df').out.split('\n')[1]).toBe('overlay              102626232  21474396  75892700  22% /');
    expect(run(df, 'gnu', 'df nope')).toMatchObject({ err: 'df: nope: No such file or directory\n', code: 1 });
    expect(run(df, 'busybox', 'df nope')).toMatchObject({ err: "df: nope: can't find mount point\n", code: 1 });
  });
});
