import { describe, expect, it } from 'vitest';
import { harness, replicaSetManifest } from '../test-helpers';

describe('namespace controller', () => {
  it('deletes the content of a deleting namespace, then the namespace', () => {
    const h = harness();
    h.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    const m = replicaSetManifest('web', 2);
    m.metadata.namespace = 'team';
    h.api.create('replicasets', 'team', m);
    h.settle();
    expect(h.store.list('pods', 'team')).toHaveLength(2);
    h.api.delete('namespaces', undefined, 'team');
    h.settle();
    expect(h.store.list('pods', 'team')).toHaveLength(0);
    expect(h.store.list('replicasets', 'team')).toHaveLength(0);
    expect(h.api.tryGet('namespaces', undefined, 'team')).toBeUndefined();
  });

  it('keeps the namespace Terminating while a pod is still terminating', () => {
    const h = harness();
    h.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    h.api.create('pods', 'team', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'n1', containers: [{ name: 'a', image: 'nginx' }] } });
    h.settle();
    h.api.delete('namespaces', undefined, 'team');
    h.settle();
    const ns = h.api.get('namespaces', undefined, 'team') as { status?: { phase?: string; conditions?: { type: string; message?: string }[] } };
    expect(ns.status?.phase).toBe('Terminating');
    expect(ns.status?.conditions?.find((c) => c.type === 'NamespaceContentRemaining')?.message).toBe('Some resources are remaining: pods. has 1 resource instances');
    // The kubelet finishes termination.
    h.api.delete('pods', 'team', 'p', { gracePeriodSeconds: 0 });
    h.settle();
    expect(h.api.tryGet('namespaces', undefined, 'team')).toBeUndefined();
  });
});

describe('resourcequota controller', () => {
  it('keeps status.hard and status.used current', () => {
    const h = harness();
    h.api.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '10', configmaps: '5' } } });
    h.api.create('replicasets', 'default', replicaSetManifest('web', 3));
    h.settle();
    const q = h.api.get('resourcequotas', 'default', 'q') as { status?: { hard: Record<string, string>; used: Record<string, string> } };
    expect(q.status?.hard).toEqual({ pods: '10', configmaps: '5' });
    expect(q.status?.used.pods).toBe('3');
    expect(q.status?.used.configmaps).toBe(String(h.store.list('configmaps', 'default').length));
  });

  it('keeps a deleting namespace through updates until its spec.finalizers are cleared', () => {
    const h = harness();
    h.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    h.api.create('pods', 'team', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'n1', containers: [{ name: 'a', image: 'nginx' }] } });
    h.settle();
    h.api.delete('namespaces', undefined, 'team');
    h.settle();
    const ns = h.api.get('namespaces', undefined, 'team');
    // An update with no metadata.finalizers would complete the delete of any other kind.
    h.api.update('namespaces', undefined, { ...ns, metadata: { ...ns.metadata, labels: { ...ns.metadata.labels, team: 'a' } } });
    expect(h.api.tryGet('namespaces', undefined, 'team')?.metadata.labels?.team).toBe('a');
    // A second delete changes nothing.
    expect(h.api.delete('namespaces', undefined, 'team').metadata.deletionTimestamp).toBe(ns.metadata.deletionTimestamp);
    h.api.finalizeNamespace('team', []);
    expect(h.api.tryGet('namespaces', undefined, 'team')).toBeUndefined();
  });
});
