import { describe, expect, it } from 'vitest';
import { harness } from '../test-helpers';

const RBAC = 'rbac.authorization.k8s.io/v1';
type Role = { rules?: { resources?: string[]; verbs: string[] }[] };

function clusterRole(name: string, labels: Record<string, string>, rules: unknown[]) {
  return { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name, labels }, rules };
}

describe('clusterrole-aggregation controller', () => {
  it('copies the rules of the roles its selectors match, in name order, and follows their changes', () => {
    const h = harness();
    h.api.create('clusterroles', undefined, { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name: 'monitoring' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'example.com/aggregate-to-monitoring': 'true' } }] } });
    const label = { 'example.com/aggregate-to-monitoring': 'true' };
    h.api.create('clusterroles', undefined, clusterRole('b-metrics', label, [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]));
    h.api.create('clusterroles', undefined, clusterRole('a-nodes', label, [{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }, { apiGroups: [''], resources: ['pods'], verbs: ['get'] }]));
    h.api.create('clusterroles', undefined, clusterRole('unrelated', {}, [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]));
    h.settle();
    expect((h.api.get('clusterroles', undefined, 'monitoring') as Role).rules?.map((r) => r.resources?.[0])).toEqual(['nodes', 'pods']);
    h.api.delete('clusterroles', undefined, 'a-nodes');
    h.settle();
    expect((h.api.get('clusterroles', undefined, 'monitoring') as Role).rules?.map((r) => r.resources?.[0])).toEqual(['pods']);
  });
});
