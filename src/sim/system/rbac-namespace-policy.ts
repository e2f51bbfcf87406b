/**
 * The bootstrap policy's namespaced part (bootstrappolicy/namespace_policy.go, 1.32): Roles and
 * RoleBindings in kube-system and kube-public for the controller-manager's and scheduler's
 * leader election (still on ConfigMaps' names in 1.32), the bootstrap signer, token cleaner and
 * cloud provider, and the front-proxy CA reader extension api-servers bind.
 */
import type { KObject } from '../core/object';
import type { SimContext } from '../context';
import { BOOTSTRAP_META, storePolicy, subject, type Meta, type Rule, type SubjectSpec } from './rbac-policy';
import { rule } from './rbac-controller-policy';

export function role(namespace: string, name: string, rules: Rule[], meta: Meta = BOOTSTRAP_META): KObject {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace, ...meta }, rules };
}

export function roleBinding(namespace: string, name: string, roleName: string, subjects: SubjectSpec[], meta: Meta = BOOTSTRAP_META): KObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace, ...meta },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
    subjects: subjects.map(subject),
  };
}

const EVENTS = rule('create update patch', 'core events.k8s.io', 'events');
const SYSTEM = 'kube-system';
const PUBLIC = 'kube-public';
const leaderLocking = (component: string) => [rule('watch', 'core', 'configmaps'), rule('get update', 'core', 'configmaps', component)];

const NAMESPACE_ROLES: [namespace: string, name: string, rules: Rule[]][] = [
  [PUBLIC, 'system:controller:bootstrap-signer', [rule('get list watch', 'core', 'configmaps'), rule('update', 'core', 'configmaps', 'cluster-info'), EVENTS]],
  [SYSTEM, 'extension-apiserver-authentication-reader', [rule('get list watch', 'core', 'configmaps', 'extension-apiserver-authentication')]],
  [SYSTEM, 'system::leader-locking-kube-controller-manager', leaderLocking('kube-controller-manager')],
  [SYSTEM, 'system::leader-locking-kube-scheduler', leaderLocking('kube-scheduler')],
  [SYSTEM, 'system:controller:bootstrap-signer', [rule('get list watch', 'core', 'secrets')]],
  [SYSTEM, 'system:controller:cloud-provider', [rule('create get list watch', 'core', 'configmaps')]],
  [SYSTEM, 'system:controller:token-cleaner', [rule('delete get list watch', 'core', 'secrets'), EVENTS]],
];

const NAMESPACE_BINDINGS: [namespace: string, name: string, role: string, subjects: SubjectSpec[]][] = [
  [PUBLIC, 'system:controller:bootstrap-signer', 'system:controller:bootstrap-signer', [['ServiceAccount', 'bootstrap-signer', SYSTEM]]],
  [SYSTEM, 'system::extension-apiserver-authentication-reader', 'extension-apiserver-authentication-reader', [['User', 'system:kube-controller-manager'], ['User', 'system:kube-scheduler']]],
  [SYSTEM, 'system::leader-locking-kube-controller-manager', 'system::leader-locking-kube-controller-manager', [['User', 'system:kube-controller-manager'], ['ServiceAccount', 'kube-controller-manager', SYSTEM]]],
  [SYSTEM, 'system::leader-locking-kube-scheduler', 'system::leader-locking-kube-scheduler', [['User', 'system:kube-scheduler'], ['ServiceAccount', 'kube-scheduler', SYSTEM]]],
  [SYSTEM, 'system:controller:bootstrap-signer', 'system:controller:bootstrap-signer', [['ServiceAccount', 'bootstrap-signer', SYSTEM]]],
  [SYSTEM, 'system:controller:cloud-provider', 'system:controller:cloud-provider', [['ServiceAccount', 'cloud-provider', SYSTEM]]],
  [SYSTEM, 'system:controller:token-cleaner', 'system:controller:token-cleaner', [['ServiceAccount', 'token-cleaner', SYSTEM]]],
];

export function installNamespacePolicy(ctx: SimContext): void {
  for (const [ns, name, rules] of NAMESPACE_ROLES) storePolicy(ctx, 'roles', role(ns, name, rules));
  for (const [ns, name, roleName, subjects] of NAMESPACE_BINDINGS) storePolicy(ctx, 'rolebindings', roleBinding(ns, name, roleName, subjects));
}
