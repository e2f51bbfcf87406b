import { describe, expect, it } from 'vitest';
import { activePods, deploymentManifest, harness, replicaSetManifest, replicaSets } from '../test-helpers';

describe('garbage collector', () => {
  it('background: deleting a Deployment removes its ReplicaSets and pods afterwards', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 2));
    h.settle();
    expect(activePods(h)).toHaveLength(2);
    h.api.delete('deployments', 'default', 'web', { propagationPolicy: 'Background' });
    h.settle();
    expect(replicaSets(h)).toHaveLength(0);
    expect(h.store.list('pods', 'default')).toHaveLength(0);
  });

  it('foreground: the owner stays until blocking dependents are gone', () => {
    const h = harness();
    h.api.create('replicasets', 'default', replicaSetManifest('web', 2));
    h.settle();
    const seen: string[] = [];
    h.store.subscribe((e) => {
      if (e.type === 'DELETED' && (e.resource === 'pods' || e.resource === 'replicasets')) seen.push(e.resource);
    });
    h.api.delete('replicasets', 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(h.api.get('replicasets', 'default', 'web').metadata.finalizers).toEqual(['foregroundDeletion']);
    h.settle();
    expect(h.api.tryGet('replicasets', 'default', 'web')).toBeUndefined();
    expect(seen).toEqual(['pods', 'pods', 'replicasets']);
  });

  it('orphan: dependents lose their ownerReferences and survive; a new matching RS adopts them', () => {
    const h = harness();
    h.api.create('replicasets', 'default', replicaSetManifest('web', 2));
    h.settle();
    const before = activePods(h).map((p) => p.metadata.name).sort();
    h.api.delete('replicasets', 'default', 'web', { propagationPolicy: 'Orphan' });
    h.settle();
    expect(h.api.tryGet('replicasets', 'default', 'web')).toBeUndefined();
    expect(activePods(h).map((p) => p.metadata.name).sort()).toEqual(before);
    expect(activePods(h).every((p) => !p.metadata.ownerReferences)).toBe(true);
    h.api.create('replicasets', 'default', replicaSetManifest('web2', 2, { app: 'web' }));
    h.settle();
    expect(activePods(h).map((p) => p.metadata.name).sort()).toEqual(before);
    expect(activePods(h).every((p) => p.metadata.ownerReferences?.[0].name === 'web2')).toBe(true);
  });

  it('collects dependents of a missing owner uid', () => {
    const h = harness();
    h.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: 'no-such-uid' }] } });
    h.settle();
    expect(h.api.tryGet('configmaps', 'default', 'c')).toBeUndefined();
  });
});
