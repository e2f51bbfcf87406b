import { describe, expect, it } from 'vitest';
import { causes, statusOf, testServer } from '../test-server';

const role = (name: string, rules: unknown[]) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name }, rules });
const binding = (name: string, roleRef: unknown, subjects: unknown[], kind = 'RoleBinding') => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name }, roleRef, subjects });

describe('RBAC validation', () => {
  it('checks rules as ValidatePolicyRule does', () => {
    const api = testServer();
    expect(causes(() => api.create('roles', 'default', role('r', [{ resources: ['pods'] }])))).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
    ]);
    expect(causes(() => api.create('roles', 'default', role('r', [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }])))).toEqual([
      'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ]);
    expect(causes(() => api.create('roles', 'default', role('a/b', [])))).toEqual(["metadata.name: Invalid value: \"a/b\": may not contain '/'"]);
    // Names are path segments, not DNS names: `system:node` is fine.
    expect(api.create('roles', 'default', role('system:Reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }])).metadata.name).toBe('system:Reader');
  });

  it('defaults subjects and checks bindings', () => {
    const api = testServer();
    const b = api.create('rolebindings', 'default', binding('b', { kind: 'Role', name: 'r' }, [{ kind: 'User', name: 'jane' }]));
    expect(b.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' });
    expect(b.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' }]);
    expect(causes(() => api.create('clusterrolebindings', undefined, binding('c', { kind: 'Role', name: 'r' }, [{ kind: 'ServiceAccount', name: 'x' }, { kind: 'Robot', name: 'y' }], 'ClusterRoleBinding')))).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
      'subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ]);
  });

  it('refuses a changed roleRef', () => {
    const api = testServer();
    const b = api.create('rolebindings', 'default', binding('b', { kind: 'Role', name: 'r' }, []));
    const e = statusOf(() => api.update('rolebindings', 'default', { ...b, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' } }));
    expect(e.status.message).toBe('RoleBinding.rbac.authorization.k8s.io "b" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"view"}: cannot change roleRef');
  });
});
