import { describe, expect, it } from 'vitest';
import { testServer } from '../kinds/test-server';
import { forbiddenError } from './attributes';
import { authorize, ruleAllows } from './rbac';
import { impersonatedUser } from './user';

const RBAC = 'rbac.authorization.k8s.io/v1';

describe('RBAC authorizer', () => {
  it('matches rules as RuleAllows does', () => {
    const pods = { verb: 'get', apiGroup: '', resource: 'pods', namespace: 'default', name: 'web' };
    expect(ruleAllows(pods, { apiGroups: [''], resources: ['pods'], verbs: ['get'] })).toBe(true);
    expect(ruleAllows(pods, { apiGroups: ['apps'], resources: ['pods'], verbs: ['get'] })).toBe(false);
    expect(ruleAllows(pods, { apiGroups: [''], resources: ['pods'], resourceNames: ['db'], verbs: ['get'] })).toBe(false);
    expect(ruleAllows({ ...pods, subresource: 'log' }, { apiGroups: [''], resources: ['pods'], verbs: ['get'] })).toBe(false);
    expect(ruleAllows({ ...pods, subresource: 'log' }, { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] })).toBe(true);
    expect(ruleAllows({ ...pods, resource: 'deployments', apiGroup: 'apps', subresource: 'scale' }, { apiGroups: ['*'], resources: ['*/scale'], verbs: ['*'] })).toBe(true);
    expect(ruleAllows({ verb: 'get', path: '/healthz/etcd' }, { nonResourceURLs: ['/healthz/*'], verbs: ['get'] })).toBe(true);
    expect(ruleAllows({ verb: 'get', path: '/metrics' }, { nonResourceURLs: ['/healthz/*'], verbs: ['get'] })).toBe(false);
  });

  it('follows bindings to service accounts and groups, and names missing roles', () => {
    const api = testServer(1, ['default', 'team']);
    api.create('roles', 'team', { apiVersion: RBAC, kind: 'Role', metadata: { name: 'pod-reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] });
    api.create('rolebindings', 'team', { apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: 'rb' }, roleRef: { kind: 'Role', name: 'pod-reader' }, subjects: [{ kind: 'ServiceAccount', name: 'reader' }] });
    const reader = impersonatedUser('system:serviceaccount:team:reader', []);
    expect(reader.groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:team', 'system:authenticated']);
    const list = (namespace: string) => ({ verb: 'list', apiGroup: '', resource: 'pods', namespace });
    expect(authorize(api.store, reader, list('team')).allowed).toBe(true);
    expect(authorize(api.store, reader, list('default')).allowed).toBe(false);

    api.create('rolebindings', 'default', { apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: 'devs' }, roleRef: { kind: 'Role', name: 'gone' }, subjects: [{ kind: 'Group', name: 'devs' }] });
    const jane = impersonatedUser('jane', ['devs']);
    expect(authorize(api.store, jane, list('default'))).toEqual({ allowed: false, reason: 'RBAC: role.rbac.authorization.k8s.io "gone" not found' });
    expect(forbiddenError(jane, list('default'), 'RBAC: role.rbac.authorization.k8s.io "gone" not found').message).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "gone" not found',
    );
  });
});
