/**
 * rbac.authorization.k8s.io/v1 RoleBinding (pkg/registry/rbac/rolebinding): grants a Role or a
 * ClusterRole to subjects within one namespace; the roleRef cannot change. NAME ROLE AGE, and
 * USERS GROUPS SERVICEACCOUNTS with `-o wide`.
 */
import type { RoleBinding } from 'kubernetes-types/rbac/v1';
import { ALL_VERBS, defineKind, type TablePrinter } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';
import { RBAC_GROUP } from './policy-rule';
import { defaultBinding, subjectsStrings, validateBinding, validateRoleRefUnchanged } from './subjects';

export const BINDING_PRINTER: TablePrinter<RoleBinding> = {
  columns: [NAME, { name: 'Role' }, AGE, { name: 'Users', priority: 1 }, { name: 'Groups', priority: 1 }, { name: 'ServiceAccounts', priority: 1 }],
  cells: (b, { now }) => [nameCell(b), `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`, ageCell(b, now), ...subjectsStrings(b.subjects)],
};

export const roleBindingKind = defineKind<RoleBinding>({
  group: RBAC_GROUP, version: 'v1', kind: 'RoleBinding', plural: 'rolebindings', singular: 'rolebinding', shortNames: [], namespaced: true, verbs: ALL_VERBS,
  strategy: {
    default: defaultBinding,
    validate: (b) => validateBinding(b, true),
    validateUpdate: validateRoleRefUnchanged,
  },
  printer: BINDING_PRINTER,
  graph: { draw: 'none' },
});
