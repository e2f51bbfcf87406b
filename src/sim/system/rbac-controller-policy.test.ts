import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { CONTROLLER_SERVICE_ACCOUNTS } from './namespaces';
import { CONTROLLER_ROLE_NAMES, rule } from './rbac-controller-policy';

describe('controller roles', () => {
  it('sorts verbs, groups, resources and names as RuleOrDie does', () => {
    expect(rule('update create patch', 'events.k8s.io core', 'events')).toEqual({ apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] });
    expect(rule('get', 'core', 'configmaps', 'b a').resourceNames).toEqual(['a', 'b']);
  });

  it('binds every controller role to its kube-system ServiceAccount; only the cloud ones kind does not run lack theirs', () => {
    const c = createCluster();
    expect(CONTROLLER_ROLE_NAMES.filter((n) => !CONTROLLER_SERVICE_ACCOUNTS.includes(n))).toEqual(['route-controller', 'service-controller']);
    for (const name of CONTROLLER_ROLE_NAMES) {
      const binding = c.api.get('clusterrolebindings', undefined, `system:controller:${name}`);
      expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name, namespace: 'kube-system' }]);
      expect(c.api.get('clusterroles', undefined, `system:controller:${name}`).metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
    }
  });

  it('makes the namespaced bootstrap and kubeadm roles of kube-system and kube-public', () => {
    const c = createCluster();
    const names = (ns: string) => c.api.list('roles', ns).map((r) => r.metadata.name);
    expect(names('kube-public')).toEqual(['kubeadm:bootstrap-signer-clusterinfo', 'system:controller:bootstrap-signer']);
    expect(names('kube-system')).toHaveLength(9);
    expect(c.api.list('rolebindings', 'kube-system')).toHaveLength(9);
  });
});
