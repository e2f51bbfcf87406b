import { describe, expect, it } from 'vitest';
import { id, whoami } from './id';
import { run, runBoth } from './test-io';

describe('id and whoami', () => {
  it('are root; busybox\'s image puts root in wheel too', () => {
    expect(run(id, 'busybox', 'id').out).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    expect(run(id, 'gnu', 'id').out).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    for (const r of runBoth(id, 'id -u')) expect(r.out).toBe('0\n');
    for (const r of runBoth(id, 'id -un')) expect(r.out).toBe('root\n');
    for (const r of runBoth(whoami, 'whoami')) expect(r.out).toBe('root\n');
  });
  it('reads sys.identity and rejects unknown users', () => {
    const identity = { uid: 1000, gid: 1000, user: 'app', group: 'app', groups: [[1000, 'app']] as Array<[number, string]> };
    expect(run(id, 'gnu', 'id', { sys: { identity } }).out).toBe('uid=1000(app) gid=1000(app) groups=1000(app)\n');
    expect(run(id, 'gnu', 'id bob')).toMatchObject({ err: "id: 'bob': no such user\n", code: 1 });
    expect(run(id, 'busybox', 'id bob')).toMatchObject({ err: 'id: unknown user bob\n', code: 1 });
  });
});
