import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';

describe('the kubelet and memory limits', () => {
  it('records an OOM kill as reason OOMKilled, exit 137, then restarts and backs off', () => {
    const c = createCluster({ workers: 1 });
    c.api.create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'hog', namespace: 'default' },
      spec: { containers: [{ name: 'hog', image: 'polinux/stress:1.0.4', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M'], resources: { limits: { memory: '100Mi' } } }] },
    });
    c.advance(1_500);
    const status = () => (c.api.get('pods', 'default', 'hog') as unknown as Pod).status!.containerStatuses![0];
    expect(status().state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    c.advance(5_000);
    expect(status().lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(status().state?.waiting?.reason).toBe('CrashLoopBackOff');
  });

  it('never kills for CPU: a process over its CPU limit keeps running', () => {
    const c = createCluster({ workers: 1 });
    c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'spin', namespace: 'default' }, spec: { containers: [{ name: 'spin', image: 'vish/stress', args: ['-cpus', '2'], resources: { limits: { cpu: '1' } } }] } });
    c.advance(600_000);
    const st = (c.api.get('pods', 'default', 'spin') as unknown as Pod).status!.containerStatuses![0];
    expect(st.state?.running).toBeDefined();
    expect(st.restartCount).toBe(0);
  });
});
