import { describe, expect, it } from 'vitest';
import type { KObject } from '../sim/core/object';
import { inspectContainers } from './inspect-containers';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'u1' },
  spec: {
    initContainers: [
      { name: 'setup', image: 'busybox' },
      { name: 'log', image: 'busybox', restartPolicy: 'Always' },
    ],
    containers: [{ name: 'liveness', image: 'busybox', livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 }, readinessProbe: { tcpSocket: { port: 8080 } } }],
  },
  status: {
    initContainerStatuses: [{ name: 'setup', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: '2026-01-01T00:00:02Z' } } }],
    containerStatuses: [
      {
        name: 'liveness',
        ready: false,
        started: true,
        restartCount: 1,
        state: { running: { startedAt: '2026-01-01T00:01:10Z' } },
        lastState: { terminated: { exitCode: 137, reason: 'Error', finishedAt: '2026-01-01T00:01:09Z' } },
      },
    ],
  },
} as unknown as KObject;

const unhealthy = (uid: string, fieldPath: string, message: string, count: number, lastTimestamp: string) =>
  ({ reason: 'Unhealthy', message, count, lastTimestamp, involvedObject: { uid, fieldPath } }) as unknown as KObject;

describe('inspectContainers', () => {
  it('lists init, sidecar and app containers with their states', () => {
    const views = inspectContainers(pod as never, []);
    expect(views.map((v) => [v.name, v.role, v.state.kind])).toEqual([
      ['setup', 'init', 'terminated'],
      ['log', 'sidecar', 'unknown'],
      ['liveness', 'app', 'running'],
    ]);
    expect(views[2]).toMatchObject({ restarts: 1, ready: false, lastState: { kind: 'terminated', reason: 'Error', exitCode: 137 } });
    expect(views[2].probes.map((p) => p.handler)).toEqual([
      'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
      'tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=3',
    ]);
  });

  it('gives each probe its latest failure, from this pod and this container only', () => {
    const path = 'spec.containers{liveness}';
    const events = [
      unhealthy('u1', path, "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory", 3, '2026-01-01T00:00:50Z'),
      unhealthy('u1', path, "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory", 2, '2026-01-01T00:01:40Z'),
      unhealthy('u1', path, 'Readiness probe failed: dial tcp 10.244.1.5:8080: connect: connection refused', 4, '2026-01-01T00:01:30Z'),
      unhealthy('other', path, 'Liveness probe failed: nope', 9, '2026-01-01T00:09:00Z'),
      unhealthy('u1', 'spec.initContainers{setup}', 'Liveness probe failed: nope', 1, '2026-01-01T00:09:00Z'),
    ];
    const [liveness, readiness] = inspectContainers(pod as never, events)[2].probes;
    expect(liveness.lastFailure).toEqual({ message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory", count: 2, lastSeen: '2026-01-01T00:01:40Z' });
    expect(readiness.lastFailure?.count).toBe(4);
  });
});
