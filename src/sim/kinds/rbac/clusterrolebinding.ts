/**
 * rbac.authorization.k8s.io/v1 ClusterRoleBinding (pkg/registry/rbac/clusterrolebinding): grants
 * a ClusterRole everywhere; service account subjects must name their namespace.
 */
import type { ClusterRoleBinding } from 'kubernetes-types/rbac/v1';
import { ALL_VERBS, defineKind } from '../kind';
import { RBAC_GROUP } from './policy-rule';
import { BINDING_PRINTER } from './rolebinding';
import { defaultBinding, validateBinding, validateRoleRefUnchanged } from './subjects';

export const clusterRoleBindingKind = defineKind<ClusterRoleBinding>({
  group: RBAC_GROUP, version: 'v1', kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', singular: 'clusterrolebinding', shortNames: [], namespaced: false, verbs: ALL_VERBS,
  strategy: {
    default: defaultBinding,
    validate: (b) => validateBinding(b, false),
    validateUpdate: validateRoleRefUnchanged,
  },
  printer: BINDING_PRINTER as never,
  graph: { draw: 'none' },
});
