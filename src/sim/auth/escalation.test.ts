import { describe, expect, it } from 'vitest';
import { testServer } from '../kinds/test-server';
import { escalationError } from './escalation';
import { impersonatedUser } from './user';

const RBAC = 'rbac.authorization.k8s.io/v1';

describe('RBAC escalation check', () => {
  const api = testServer(1, ['default', 'team']);
  api.create('roles', 'team', { apiVersion: RBAC, kind: 'Role', metadata: { name: 'maker' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }, { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['create'] }] });
  api.create('rolebindings', 'team', { apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: 'maker' }, roleRef: { kind: 'Role', name: 'maker' }, subjects: [{ kind: 'User', name: 'lead' }] });
  const lead = impersonatedUser('lead', []);
  const role = (rules: unknown[]) => ({ apiVersion: RBAC, kind: 'Role', metadata: { name: 'r', namespace: 'team' }, rules });

  it('lets a user grant what it holds', () => {
    expect(escalationError(api.store, lead, 'roles', role([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]))).toBeUndefined();
  });

  it('lists what it does not hold, one rule per resource', () => {
    const e = escalationError(api.store, lead, 'roles', role([{ apiGroups: ['', 'apps'], resources: ['pods', 'deployments'], verbs: ['get', 'delete'] }]));
    expect(e?.status.message).toBe(
      'roles.rbac.authorization.k8s.io "r" is forbidden: user "lead" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["deployments"], Verbs:["get" "delete"]}\n' +
        '{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}\n' +
        '{APIGroups:["apps"], Resources:["deployments"], Verbs:["get" "delete"]}\n' +
        '{APIGroups:["apps"], Resources:["pods"], Verbs:["get" "delete"]}',
    );
  });
});
