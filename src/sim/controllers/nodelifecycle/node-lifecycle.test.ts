import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { createCluster } from '../../cluster';
import type { PodObject } from '../../kinds/apps/workload-types';
import { NODE_MONITOR_GRACE_MS } from './node-lifecycle';
import { tolerationMs } from './taint-eviction';

const UNREACHABLE = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

describe('tolerationMs (getMinTolerationTime)', () => {
  it('is -1 without a matching toleration, undefined for an unlimited one, else the shortest', () => {
    expect(tolerationMs(undefined, UNREACHABLE)).toBe(-1);
    expect(tolerationMs([{ key: 'other', operator: 'Exists', effect: 'NoExecute' }], UNREACHABLE)).toBe(-1);
    expect(tolerationMs([{ key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute' }], UNREACHABLE)).toBeUndefined();
    expect(tolerationMs([{ operator: 'Exists' }, { key: UNREACHABLE.key, operator: 'Exists', tolerationSeconds: 300 }, { key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }], UNREACHABLE)).toBe(30_000);
  });
});

describe('node-lifecycle controller', () => {
  const node = (c: ReturnType<typeof createCluster>, name: string) => c.api.tryGet('nodes', undefined, name) as (Node & { metadata: { uid: string } }) | undefined;
  const ready = (n: Node | undefined) => n?.status?.conditions?.find((k) => k.type === 'Ready');

  it('adds no timer while every kubelet runs, one per stopped node', () => {
    const c = createCluster({ seed: 3 });
    c.advance(0);
    const pending = c.clock.pending();
    c.nodeContainers.stop('kind-worker');
    expect(c.clock.pending()).toBe(pending + 1);
    c.nodeContainers.start('kind-worker');
    // The monitor's timer went with the heartbeat: a minute later the node is still Ready.
    c.advance(60_000);
    expect(ready(node(c, 'kind-worker'))?.status).toBe('True');
  });

  it('marks a silent node Unknown after the 50 s grace period, taints it, and evicts tolerating pods after 300 s; DaemonSet pods stay', () => {
    const c = createCluster({ seed: 3 });
    c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'kind-worker2', containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    c.advance(10_000);
    c.nodeContainers.stop('kind-worker2');
    c.advance(NODE_MONITOR_GRACE_MS - 1000);
    expect(ready(node(c, 'kind-worker2'))?.status).toBe('True');
    c.advance(6000);
    const n = node(c, 'kind-worker2')!;
    expect(ready(n)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(n.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    const pod = () => c.api.tryGet('pods', 'default', 'p') as PodObject;
    expect(pod().status?.conditions?.find((k) => k.type === 'Ready')?.status).toBe('False');
    c.advance(299_000);
    expect(pod().metadata.deletionTimestamp).toBeUndefined();
    c.advance(1000);
    expect(pod().metadata.deletionTimestamp).toBeDefined();
    expect(pod().status?.conditions?.find((k) => k.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    const daemonPods = (c.api.list('pods', 'kube-system') as PodObject[]).filter((p) => p.spec?.nodeName === 'kind-worker2');
    expect(daemonPods.length).toBe(2);
    expect(daemonPods.every((p) => !p.metadata.deletionTimestamp)).toBe(true);
    // Back: Ready, untainted, and the pod that was Terminating is gone.
    c.nodeContainers.start('kind-worker2');
    c.advance(10_000);
    expect(ready(node(c, 'kind-worker2'))?.status).toBe('True');
    expect(node(c, 'kind-worker2')!.spec?.taints).toBeUndefined();
    expect(c.api.tryGet('pods', 'default', 'p')).toBeUndefined();
  });

  it('re-registers a deleted node with a new uid when its kubelet restarts', () => {
    const c = createCluster({ seed: 3 });
    const before = node(c, 'kind-worker3')!.metadata.uid;
    c.api.delete('nodes', undefined, 'kind-worker3');
    c.advance(1000);
    expect(node(c, 'kind-worker3')).toBeUndefined();
    c.nodeContainers.restart('kind-worker3');
    c.advance(0);
    const after = node(c, 'kind-worker3')!;
    expect(after.metadata.uid).not.toBe(before);
    expect(after.metadata.labels?.['kubernetes.io/hostname']).toBe('kind-worker3');
    expect(ready(after)?.status).toBe('True');
  });
});
