import { describe, expect, it } from 'vitest';
import { env, printenv } from './env';
import { run, runBoth } from './test-io';

const vars = { HOME: '/root', PATH: '/bin' };

describe('env and printenv', () => {
  it('print the environment', () => {
    for (const r of runBoth(env, 'env', { env: vars })) expect(r.out).toBe('HOME=/root\nPATH=/bin\n');
    for (const r of runBoth(printenv, 'printenv HOME NOPE', { env: vars })) expect([r.out, r.code]).toEqual(['/root\n', 1]);
    for (const r of runBoth(env, 'env -i A=1', { env: vars })) expect(r.out).toBe('A=1\n');
    for (const r of runBoth(env, 'env -u HOME', { env: vars })) expect(r.out).toBe('PATH=/bin\n');
  });
  it('runs a command with changed variables', () => {
    for (const r of runBoth(env, 'env GREETING=hi printenv GREETING', { env: vars })) expect([r.out, r.code]).toEqual(['hi\n', 0]);
    const seen: string[][] = [];
    const r = run(env, 'gnu', 'env X=1 kubectl get pods', { sys: { run: (argv, _stdin, e) => { seen.push([...argv, e.get('X')!]); return 3; } } });
    expect([seen, r.code]).toEqual([[['kubectl', 'get', 'pods', '1']], 3]);
  });
  it('reports a missing command with 127', () => {
    expect(run(env, 'gnu', 'env foo')).toMatchObject({ err: "env: 'foo': No such file or directory\n", code: 127 });
    expect(run(env, 'busybox', 'env foo')).toMatchObject({ err: "env: can't execute 'foo': No such file or directory\n", code: 127 });
  });
});
