/**
 * rbac.authorization.k8s.io/v1 Role (pkg/registry/rbac/role): namespaced rules. The table is
 * NAME and CREATED AT (printRole: the creation time in RFC 3339, not an age).
 */
import type { Role } from 'kubernetes-types/rbac/v1';
import { ALL_VERBS, defineKind, type TablePrinter } from '../kind';
import { NAME, nameCell } from '../printing/cells';
import { RBAC_GROUP, validatePolicyRules } from './policy-rule';

export const ROLE_PRINTER: TablePrinter<Role> = {
  columns: [NAME, { name: 'Created At' }],
  cells: (r) => [nameCell(r), r.metadata?.creationTimestamp ?? ''],
};

export const roleKind = defineKind<Role>({
  group: RBAC_GROUP, version: 'v1', kind: 'Role', plural: 'roles', singular: 'role', shortNames: [], namespaced: true, verbs: ALL_VERBS,
  strategy: { validate: (r) => validatePolicyRules(r.rules, true) },
  printer: ROLE_PRINTER,
  graph: { draw: 'none' },
});
