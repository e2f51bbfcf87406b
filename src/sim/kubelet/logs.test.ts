import { describe, it, expect } from 'vitest';
import { StatusError } from '../api/errors';
import { createCluster, type Cluster } from '../cluster';
import type { KObject } from '../core/object';
import { readLogs, rfc3339Nano } from './logs';

function pod(name: string, containers: Array<Record<string, unknown>>, spec: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: 'kind-worker', restartPolicy: 'Always', terminationGracePeriodSeconds: 30, containers, ...spec } };
}

function error(fn: () => unknown): { reason: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return { reason: e.reason, message: e.message };
    throw e;
  }
  throw new Error('expected a StatusError');
}

function cluster(): Cluster {
  return createCluster({ seed: 1 });
}

describe('readLogs', () => {
  it('derives a counter loop output up to now, with tail and timestamps', () => {
    const c = cluster();
    c.api.create('pods', 'default', pod('counter', [{ name: 'count', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] }]));
    c.advance(5_000);
    const out = readLogs(c, 'default', 'counter');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^0: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC 2026$/);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    c.advance(10_000);
    const later = readLogs(c, 'default', 'counter').trimEnd().split('\n');
    expect(later.length).toBe(lines.length + 10);
    expect(readLogs(c, 'default', 'counter', 'count', { tail: 2 }).trimEnd().split('\n')).toEqual(later.slice(-2));
    expect(readLogs(c, 'default', 'counter', undefined, { tail: 1, timestamps: true })).toMatch(/^2026-01-01T\d\d:\d\d:\d\d(\.\d+)?Z \d+: /);
  });

  it('nginx writes its startup lines', () => {
    const c = cluster();
    c.api.create('pods', 'default', pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.advance(10_000);
    const out = readLogs(c, 'default', 'web');
    expect(out.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(out).toMatch(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: nginx\/1\.27\.3\n/);
  });

  it('reads the last run of a crash-looping container, and --previous', () => {
    const c = cluster();
    c.api.create('pods', 'default', pod('crash', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo run; exit 1'] }]));
    c.advance(3_000);
    expect(readLogs(c, 'default', 'crash')).toBe('run\n');
    c.advance(20_000);
    expect(readLogs(c, 'default', 'crash', 'app', { previous: true })).toBe('run\n');
  });

  it('fails like the api-server and kubelet do', () => {
    const c = cluster();
    c.api.create('pods', 'default', pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.api.create('pods', 'default', pod('two', [{ name: 'a', image: 'nginx:1.27' }, { name: 'b', image: 'busybox:1.36', command: ['sleep', '1d'] }], { initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['true'] }] }));
    c.api.create('pods', 'default', pod('bad', [{ name: 'app', image: 'nginx:1.99' }]));
    c.settle();
    expect(error(() => readLogs(c, 'default', 'web'))).toEqual({ reason: 'BadRequest', message: 'container "nginx" in pod "web" is waiting to start: ContainerCreating' });
    expect(error(() => readLogs(c, 'default', 'web', 'foo'))).toEqual({ reason: 'BadRequest', message: 'container foo is not valid for pod web' });
    expect(error(() => readLogs(c, 'default', 'two'))).toEqual({ reason: 'BadRequest', message: 'a container name must be specified for pod two, choose one of: [init a b]' });
    expect(error(() => readLogs(c, 'default', 'nope'))).toEqual({ reason: 'NotFound', message: 'pods "nope" not found' });
    c.advance(10_000);
    expect(readLogs(c, 'default', 'web')).not.toBe('');
    expect(error(() => readLogs(c, 'default', 'web', undefined, { previous: true }))).toEqual({ reason: 'BadRequest', message: 'previous terminated container "nginx" in pod "web" not found' });
    expect(error(() => readLogs(c, 'default', 'bad'))).toEqual({ reason: 'BadRequest', message: 'container "app" in pod "bad" is waiting to start: trying and failing to pull image' });
  });

  it('formats nanosecond timestamps', () => {
    expect(rfc3339Nano(Date.UTC(2026, 0, 1, 9, 0, 0, 500))).toMatch(/^2026-01-01T09:00:00\.5\d*Z$/);
  });
});
