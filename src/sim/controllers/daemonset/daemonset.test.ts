import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { KObject } from '../../core/object';
import type { PodObject } from '../../kinds/apps/workload-types';

type J = Record<string, any> & { apiVersion: string; kind: string; metadata: any };

function agent(name = 'agent', spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36', command: ['sleep', '3600'] }] } },
      ...spec,
    },
  };
}

function podsOf(c: Cluster, app: string): PodObject[] {
  return (c.api.list('pods', 'default', { labelSelector: `app=${app}` }) as PodObject[]).filter((p) => !p.metadata.deletionTimestamp);
}

function nodesOf(pods: PodObject[]): string[] {
  return pods.map((p) => p.spec?.nodeName ?? '').sort();
}

describe('DaemonSet controller', () => {
  it('runs one pod per schedulable worker, not on the tainted control plane', () => {
    const c = createCluster({ seed: 3 });
    c.api.create('daemonsets', 'default', agent());
    c.advance(30_000);
    const pods = podsOf(c, 'agent');
    expect(nodesOf(pods)).toEqual(['kind-worker', 'kind-worker2', 'kind-worker3']);
    const p = pods[0] as J;
    expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.labels['pod-template-generation']).toBe('1');
    expect(p.metadata.labels['controller-revision-hash']).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{9,10}$/);
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: expect.any(String), controller: true, blockOwnerDeletion: true }]);
    expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] },
    ]);
    expect(p.spec.tolerations.map((t: J) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    const ds = c.api.get('daemonsets', 'default', 'agent') as J;
    expect(ds.status).toEqual({ currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, observedGeneration: 1, updatedNumberScheduled: 3, numberAvailable: 3 });
    const revs = c.api.list('controllerrevisions', 'default') as J[];
    expect(revs.map((r) => [r.metadata.name, r.revision])).toEqual([[`agent-${p.metadata.labels['controller-revision-hash']}`, 1]]);
  });

  it('follows tolerations, node selectors and node label changes', () => {
    const c = createCluster({ seed: 3 });
    c.api.create('daemonsets', 'default', agent('everywhere', { template: { metadata: { labels: { app: 'everywhere' } }, spec: { tolerations: [{ operator: 'Exists' }], containers: [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '3600'] }] } } }));
    c.api.create('daemonsets', 'default', agent('ssd', { template: { metadata: { labels: { app: 'ssd' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '3600'] }] } } }));
    c.advance(20_000);
    expect(nodesOf(podsOf(c, 'everywhere'))).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']);
    expect(podsOf(c, 'ssd')).toEqual([]);
    const node = c.api.get('nodes', undefined, 'kind-worker2') as J;
    c.api.update('nodes', undefined, { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disk: 'ssd' } } });
    c.advance(20_000);
    expect(nodesOf(podsOf(c, 'ssd'))).toEqual(['kind-worker2']);
    const labelled = c.api.get('nodes', undefined, 'kind-worker2') as J;
    const { disk: _gone, ...labels } = labelled.metadata.labels;
    c.api.update('nodes', undefined, { ...labelled, metadata: { ...labelled.metadata, labels } });
    c.advance(60_000);
    expect(podsOf(c, 'ssd')).toEqual([]);
    const ds = c.api.get('daemonsets', 'default', 'ssd') as J;
    expect(ds.status.desiredNumberScheduled).toBe(0);
  });

  it('replaces a deleted pod and rolls a template change one node at a time', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('daemonsets', 'default', agent());
    c.advance(30_000);
    const victim = podsOf(c, 'agent')[0];
    c.api.delete('pods', 'default', victim.metadata.name!);
    c.advance(45_000);
    const after = podsOf(c, 'agent');
    expect(after).toHaveLength(3);
    expect(after.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    const ds = c.api.get('daemonsets', 'default', 'agent') as J;
    const template = { ...ds.spec.template, spec: { ...ds.spec.template.spec, containers: [{ name: 'agent', image: 'busybox:1.37', command: ['sleep', '3600'] }] } };
    c.api.update('daemonsets', 'default', { ...ds, spec: { ...ds.spec, template } });
    c.settle();
    // maxUnavailable 1: one old pod is terminating, the other two still run.
    const terminating = (c.api.list('pods', 'default', { labelSelector: 'app=agent' }) as PodObject[]).filter((p) => p.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(1);
    c.advance(180_000);
    const rolled = podsOf(c, 'agent');
    expect(rolled.map((p) => p.spec?.containers[0].image)).toEqual(['busybox:1.37', 'busybox:1.37', 'busybox:1.37']);
    expect(new Set(rolled.map((p) => p.metadata.labels?.['pod-template-generation']))).toEqual(new Set(['2']));
    const revs = (c.api.list('controllerrevisions', 'default') as J[]).map((r) => r.revision).sort();
    expect(revs).toEqual([1, 2]);
    const status = (c.api.get('daemonsets', 'default', 'agent') as J).status;
    expect(status).toMatchObject({ desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
  });

  it('OnDelete leaves old pods until they are deleted', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('daemonsets', 'default', agent('agent', { updateStrategy: { type: 'OnDelete' } }));
    c.advance(30_000);
    const ds = c.api.get('daemonsets', 'default', 'agent') as J;
    const template = { ...ds.spec.template, spec: { ...ds.spec.template.spec, containers: [{ name: 'agent', image: 'busybox:1.37', command: ['sleep', '3600'] }] } };
    c.api.update('daemonsets', 'default', { ...ds, spec: { ...ds.spec, template } });
    c.advance(60_000);
    expect(podsOf(c, 'agent').map((p) => p.spec?.containers[0].image)).toEqual(['busybox:1.36', 'busybox:1.36', 'busybox:1.36']);
    expect((c.api.get('daemonsets', 'default', 'agent') as J).status.updatedNumberScheduled).toBeUndefined();
  });

  it('keeps its pods on a NoSchedule-tainted node but removes them from a NoExecute one', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('daemonsets', 'default', agent());
    c.advance(30_000);
    const taint = (name: string, effect: string) => {
      const node = c.api.get('nodes', undefined, name) as J;
      c.api.update('nodes', undefined, { ...node, spec: { ...node.spec, taints: [{ key: 'maintenance', value: 'yes', effect }] } } as KObject);
    };
    taint('kind-worker', 'NoSchedule');
    taint('kind-worker2', 'NoExecute');
    c.advance(60_000);
    expect(nodesOf(podsOf(c, 'agent'))).toEqual(['kind-worker', 'kind-worker3']);
    const status = (c.api.get('daemonsets', 'default', 'agent') as J).status;
    // The NoSchedule node keeps its pod, counted as misscheduled (it should not get a new one).
    expect(status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1 });
    // kube-proxy and kindnet tolerate every taint: still on all four nodes.
    expect((c.api.list('pods', 'kube-system', { labelSelector: 'k8s-app=kube-proxy' }) as PodObject[]).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(4);
  });

  it('with maxSurge starts the new pod beside the old one and removes the old one once it is available', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('daemonsets', 'default', agent('agent', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    c.advance(30_000);
    const ds = c.api.get('daemonsets', 'default', 'agent') as J;
    const template = { ...ds.spec.template, spec: { ...ds.spec.template.spec, containers: [{ name: 'agent', image: 'busybox:1.37', command: ['sleep', '3600'] }] } };
    c.api.update('daemonsets', 'default', { ...ds, spec: { ...ds.spec, template } });
    c.settle();
    // One node runs both pods: nothing is unavailable at any moment.
    const both = podsOf(c, 'agent');
    expect(both).toHaveLength(4);
    expect(nodesOf(both)).toEqual(['kind-worker', 'kind-worker', 'kind-worker2', 'kind-worker3']);
    c.advance(300_000);
    const rolled = podsOf(c, 'agent');
    expect(rolled.map((p) => p.spec?.containers[0].image)).toEqual(['busybox:1.37', 'busybox:1.37', 'busybox:1.37']);
    expect(nodesOf(rolled)).toEqual(['kind-worker', 'kind-worker2', 'kind-worker3']);
    expect((c.api.get('daemonsets', 'default', 'agent') as J).status).toMatchObject({ desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 });
  });
});
