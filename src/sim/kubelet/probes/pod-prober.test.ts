import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { KObject } from '../../core/object';

function pod(name: string, containers: unknown[]): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers } } as unknown as KObject;
}

describe('probes in a running cluster', () => {
  it('passing probes write no status while nothing changes', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('pods', 'default', pod('web', [{ name: 'web', image: 'gcr.io/kuar-demo/kuard-amd64:blue', livenessProbe: { httpGet: { path: '/healthy', port: 8080 }, periodSeconds: 10 }, readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 } }]));
    c.advance(30_000);
    expect((c.api.get('pods', 'default', 'web').status as { containerStatuses: Array<{ ready: boolean }> }).containerStatuses[0].ready).toBe(true);
    let writes = 0;
    c.store.subscribe((e) => {
      if (e.resource === 'pods' && e.object.metadata.name === 'web') writes++;
    });
    c.advance(10 * 60_000);
    expect(writes).toBe(0);
  });

  it('a readiness failure flips ready and the conditions without a restart; recovery flips them back', () => {
    const c = createCluster({ seed: 6 });
    // Ready while /tmp/ready exists: from 5 s to 20 s of the container's life.
    const script = 'sleep 5; touch /tmp/ready; sleep 15; rm /tmp/ready; sleep 3600';
    c.api.create('pods', 'default', pod('flip', [{ name: 'app', image: 'busybox', command: ['sh', '-c', script], readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 1 } }]));
    const ready = () => {
      const st = c.api.get('pods', 'default', 'flip').status as { containerStatuses: Array<{ ready: boolean; restartCount: number }>; conditions: Array<{ type: string; status: string }> };
      return [st.containerStatuses[0].ready, st.conditions.find((x) => x.type === 'Ready')!.status, st.containerStatuses[0].restartCount];
    };
    c.advance(4_000);
    expect(ready()).toEqual([false, 'False', 0]);
    c.advance(6_000);
    expect(ready()).toEqual([true, 'True', 0]);
    c.advance(20_000);
    expect(ready()).toEqual([false, 'False', 0]);
  });

  it("a sidecar's startup probe holds the main containers until it passes", () => {
    const c = createCluster({ seed: 7 });
    const p = pod('side', [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }]);
    (p as unknown as { spec: Record<string, unknown> }).spec.initContainers = [
      { name: 'proxy', image: 'busybox', restartPolicy: 'Always', command: ['sh', '-c', 'sleep 8; touch /tmp/up; sleep 3600'], startupProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 2, failureThreshold: 30 } },
    ];
    c.api.create('pods', 'default', p);
    const state = () => {
      const st = c.api.get('pods', 'default', 'side').status as { containerStatuses: Array<{ state: Record<string, unknown> }>; initContainerStatuses: Array<{ started: boolean }> };
      return [st.initContainerStatuses[0].started, Object.keys(st.containerStatuses[0].state)[0]];
    };
    c.advance(6_000);
    expect(state()).toEqual([false, 'waiting']);
    c.advance(10_000);
    expect(state()).toEqual([true, 'running']);
  });
});
