import { describe, expect, it } from 'vitest';
import { run, runBoth } from './test-io';
import { uname } from './uname';

describe('uname', () => {
  it('prints the node\'s kernel and the pod\'s hostname', () => {
    for (const r of runBoth(uname, 'uname')) expect(r.out).toBe('Linux\n');
    for (const r of runBoth(uname, 'uname -a')) {
      expect(r.out).toBe('Linux web 6.8.0-52-generic #53-Ubuntu SMP PREEMPT_DYNAMIC Sat Jan 11 00:06:25 UTC 2025 x86_64 GNU/Linux\n');
    }
    for (const r of runBoth(uname, 'uname -r')) expect(r.out).toBe('6.8.0-52-generic\n');
    for (const r of runBoth(uname, 'uname -m -s')) expect(r.out).toBe('Linux x86_64\n');
    expect(run(uname, 'gnu', 'uname -n', { sys: { kernel: { release: '6.10.14-linuxkit', version: '#1', machine: 'aarch64' } } }).out).toBe('web\n');
  });
  it('rejects unknown options', () => {
    expect(run(uname, 'gnu', 'uname -z')).toMatchObject({ err: "uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n", code: 1 });
    expect(run(uname, 'busybox', 'uname -z').err).toMatch(/^uname: invalid option -- 'z'\nBusyBox .*\n\nUsage: uname \[-amnrspvio\]\n/);
  });
});
