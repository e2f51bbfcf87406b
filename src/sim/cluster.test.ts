import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { readLogs } from './kubelet/logs';
import type { KObject } from './core/object';

const pod = (name: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', `echo ${name}; sleep 3600`] }] },
});

describe('createCluster', () => {
  it('owns its components: one kubelet per node, the scheduler, the controllers and one informer factory', () => {
    const c = createCluster({ seed: 1, workers: 2 });
    expect([...c.kubelets.keys()]).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(c.controllers.informers).toBe(c.informers);
    expect(c.informers.for('nodes').size).toBe(3);
    c.api.create('pods', 'default', pod('waiting'));
    expect(c.scheduler.pendingCount()).toBe(1);
    c.settle();
    expect(c.scheduler.pendingCount()).toBe(0);
    const node = (c.informers.for('pods').get('default', 'waiting')?.spec as { nodeName?: string }).nodeName!;
    c.advance(10_000);
    // Beside kind's daemon pods (kindnet, kube-proxy) on every node.
    expect(c.kubelets.get(node)?.runningPods()).toEqual(['default/waiting', expect.stringMatching(/^kube-system\/kindnet-/), expect.stringMatching(/^kube-system\/kube-proxy-/)]);
  });

  it('keeps two clusters apart: logs are read from the kubelet of the cluster asked', () => {
    const a = createCluster({ seed: 1 });
    const b = createCluster({ seed: 1 });
    a.api.create('pods', 'default', pod('same'));
    a.advance(10_000);
    b.api.create('pods', 'default', { ...pod('same'), spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo other; sleep 3600'] }] } });
    b.advance(10_000);
    expect(readLogs(a, 'default', 'same')).toBe('same\n');
    expect(readLogs(b, 'default', 'same')).toBe('other\n');
  });
});
