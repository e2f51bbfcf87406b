/**
 * rbac.authorization.k8s.io/v1 ClusterRole (pkg/registry/rbac/clusterrole): cluster-wide rules,
 * non-resource URLs allowed, and an `aggregationRule` whose selected roles' rules the
 * clusterrole-aggregation controller copies in (`controllers/clusterrole-aggregation.ts`).
 */
import type { ClusterRole } from 'kubernetes-types/rbac/v1';
import type { FieldError } from '../../api/errors';
import { ALL_VERBS, defineKind } from '../kind';
import { validateLabelSelector } from '../selector';
import { obj, objects } from '../util';
import { RBAC_GROUP, validatePolicyRules } from './policy-rule';
import { ROLE_PRINTER } from './role';

function validateClusterRole(r: ClusterRole): FieldError[] {
  const errors = validatePolicyRules(r.rules, false);
  const rule = obj(r.aggregationRule);
  if (rule) {
    const selectors = objects(rule.clusterRoleSelectors ?? []);
    if (!selectors.length) errors.push({ type: 'Required value', field: 'aggregationRule.clusterRoleSelectors', detail: 'at least one clusterRoleSelector required if aggregationRule is non-nil' });
    selectors.forEach((s, i) => errors.push(...validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`)));
  }
  return errors;
}

export const clusterRoleKind = defineKind<ClusterRole>({
  group: RBAC_GROUP, version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', singular: 'clusterrole', shortNames: [], namespaced: false, verbs: ALL_VERBS,
  strategy: { validate: validateClusterRole },
  printer: ROLE_PRINTER as never,
  graph: { draw: 'none' },
});
