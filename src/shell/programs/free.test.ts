import { describe, expect, it } from 'vitest';
import { free } from './free';
import { run } from './test-io';

const memory = { totalKb: 24_683_772, freeKb: 18_722_784, sharedKb: 35_260, buffCacheKb: 2_835_824, availableKb: 21_207_404, swapTotalKb: 0 };
const opts = { sys: { memory } };

describe('free (layouts checked against procps-ng 4 and busybox 1.35)', () => {
  it('busybox: used = total - free - buff/cache', () => {
    expect(run(free, 'busybox', 'free', opts).out).toBe(
      '              total        used        free      shared  buff/cache   available\n' +
      'Mem:       24683772     3125164    18722784       35260     2835824    21207404\n' +
      'Swap:             0           0           0\n');
    expect(run(free, 'busybox', 'free -m', opts).out.split('\n')[1]).toBe('Mem:          24105        3051       18283          34        2769       20710');
    expect(run(free, 'busybox', 'free -h', opts).out.split('\n')[1]).toBe('Mem:          23.5G        3.0G       17.9G       34.4M        2.7G       20.2G');
  });
  it('procps: used = total - available, Gi units', () => {
    expect(run(free, 'gnu', 'free', opts).out).toBe(
      '               total        used        free      shared  buff/cache   available\n' +
      'Mem:        24683772     3476368    18722784       35260     2835824    21207404\n' +
      'Swap:              0           0           0\n');
    expect(run(free, 'gnu', 'free -h', opts).out).toBe(
      '               total        used        free      shared  buff/cache   available\n' +
      'Mem:            23Gi       3.3Gi        17Gi        34Mi       2.7Gi        20Gi\n' +
      'Swap:             0B          0B          0B\n');
  });
  it('defaults to an 8 GiB kind node', () => {
    expect(run(free, 'gnu', 'free -m').out.split('\n')[1]).toBe('Mem:            7957        1820        3810           4        2570        6136');
  });
});
