/**
 * The api-server's controller roles (bootstrappolicy/controller_policy.go): one
 * `system:controller:<name>` ClusterRole per kube-controller-manager loop, bound to the
 * kube-system ServiceAccount of the same name (kind runs the controller-manager with
 * `--use-service-account-credentials`). Only the roles whose feature gates are on by default in
 * 1.32 (no resource-claim, service-cidrs, volumeattributesclass or storage-version ones).
 * Written as a compact table: this runs in every createCluster.
 */
import type { SimContext } from '../context';
import { clusterRole, clusterRoleBinding, storePolicy, type Rule } from './rbac-policy';

/**
 * A rule as rbacv1helpers.NewRule(...).RuleOrDie() builds it: verbs, groups, resources and names
 * each sorted. Lists are space-separated; the core group is written `core`.
 */
export function rule(verbs: string, groups: string, resources: string, names?: string): Rule {
  const list = (s: string) => s.split(' ').sort();
  const out: Rule = { apiGroups: list(groups).map((g) => (g === 'core' ? '' : g)).sort(), resources: list(resources), verbs: list(verbs) };
  if (names) out.resourceNames = list(names);
  return out;
}

const EVENTS = rule('create update patch', 'core events.k8s.io', 'events');

const CONTROLLER_ROLES: [name: string, rules: Rule[]][] = [
  ['attachdetach-controller', [
    rule('list watch', 'core', 'persistentvolumes persistentvolumeclaims'),
    rule('get list watch', 'core', 'nodes'),
    rule('patch update', 'core', 'nodes/status'),
    rule('list watch', 'core', 'pods'),
    EVENTS,
    rule('get create delete list watch', 'storage.k8s.io', 'volumeattachments'),
    rule('get watch list', 'storage.k8s.io', 'csidrivers'),
    rule('get watch list', 'storage.k8s.io', 'csinodes'),
  ]],
  ['clusterrole-aggregation-controller', [rule('escalate get list watch update patch', 'rbac.authorization.k8s.io', 'clusterroles')]],
  ['cronjob-controller', [
    rule('get list watch update', 'batch', 'cronjobs'),
    rule('get list watch create update delete patch', 'batch', 'jobs'),
    rule('update', 'batch', 'cronjobs/status'),
    rule('update', 'batch', 'cronjobs/finalizers'),
    rule('list watch delete', 'core', 'pods'),
    EVENTS,
  ]],
  ['daemon-set-controller', [
    rule('get list watch', 'extensions apps', 'daemonsets'),
    rule('update', 'extensions apps', 'daemonsets/status'),
    rule('update', 'extensions apps', 'daemonsets/finalizers'),
    rule('list watch', 'core', 'nodes'),
    rule('list watch create delete patch', 'core', 'pods'),
    rule('create', 'core', 'pods/binding'),
    rule('get list watch create delete update patch', 'apps', 'controllerrevisions'),
    EVENTS,
  ]],
  ['deployment-controller', [
    rule('get list watch update', 'extensions apps', 'deployments'),
    rule('update', 'extensions apps', 'deployments/status'),
    rule('update', 'extensions apps', 'deployments/finalizers'),
    rule('get list watch create update patch delete', 'apps extensions', 'replicasets'),
    rule('get list watch update', 'core', 'pods'),
    EVENTS,
  ]],
  ['disruption-controller', [
    rule('get list watch', 'extensions apps', 'deployments'),
    rule('get list watch', 'apps extensions', 'replicasets'),
    rule('get list watch', 'core', 'replicationcontrollers'),
    rule('get list watch', 'policy', 'poddisruptionbudgets'),
    rule('get list watch', 'apps', 'statefulsets'),
    rule('update', 'policy', 'poddisruptionbudgets/status'),
    rule('patch update', 'core', 'pods/status'),
    rule('get', '*', '*/scale'),
    EVENTS,
  ]],
  ['endpoint-controller', [
    rule('get list watch', 'core', 'services pods'),
    rule('get list watch create update delete', 'core', 'endpoints'),
    rule('create', 'core', 'endpoints/restricted'),
    EVENTS,
  ]],
  ['endpointslice-controller', [
    rule('get list watch', 'core', 'services pods nodes'),
    rule('update', 'core', 'services/finalizers'),
    rule('get list watch create update delete', 'discovery.k8s.io', 'endpointslices'),
    EVENTS,
  ]],
  ['endpointslicemirroring-controller', [
    rule('get list watch', 'core', 'services endpoints'),
    rule('update', 'core', 'services/finalizers'),
    rule('update', 'core', 'endpoints/finalizers'),
    rule('get list watch create update delete', 'discovery.k8s.io', 'endpointslices'),
    EVENTS,
  ]],
  ['expand-controller', [
    rule('get list watch update patch', 'core', 'persistentvolumes'),
    rule('update patch', 'core', 'persistentvolumeclaims/status'),
    rule('get list watch', 'core', 'persistentvolumeclaims'),
    EVENTS,
    rule('get', 'core', 'services'),
  ]],
  ['ephemeral-volume-controller', [
    rule('get list watch', 'core', 'pods'),
    rule('update', 'core', 'pods/finalizers'),
    rule('get list watch create', 'core', 'persistentvolumeclaims'),
    EVENTS,
  ]],
  ['generic-garbage-collector', [rule('get list watch patch update delete', '*', '*'), EVENTS]],
  ['horizontal-pod-autoscaler', [
    rule('get list watch', 'autoscaling', 'horizontalpodautoscalers'),
    rule('update', 'autoscaling', 'horizontalpodautoscalers/status'),
    rule('get update', '*', '*/scale'),
    rule('list watch', 'core', 'pods'),
    rule('list watch', 'metrics.k8s.io', 'pods'),
    rule('get list watch', 'custom.metrics.k8s.io', '*'),
    rule('get list watch', 'external.metrics.k8s.io', '*'),
    EVENTS,
  ]],
  ['job-controller', [
    rule('get list watch update patch', 'batch', 'jobs'),
    rule('update', 'batch', 'jobs/status'),
    rule('update', 'batch', 'jobs/finalizers'),
    rule('list watch create delete patch', 'core', 'pods'),
    EVENTS,
  ]],
  ['namespace-controller', [
    rule('get list watch delete', 'core', 'namespaces'),
    rule('update', 'core', 'namespaces/finalize namespaces/status'),
    rule('get list watch delete deletecollection', '*', '*'),
  ]],
  ['node-controller', [
    rule('get list watch update delete patch', 'core', 'nodes'),
    rule('patch update', 'core', 'nodes/status'),
    rule('patch update', 'core', 'pods/status'),
    rule('list watch get delete', 'core', 'pods'),
    EVENTS,
  ]],
  ['persistent-volume-binder', [
    rule('get list watch update create delete', 'core', 'persistentvolumes'),
    rule('update', 'core', 'persistentvolumes/status'),
    rule('get list watch update', 'core', 'persistentvolumeclaims'),
    rule('update', 'core', 'persistentvolumeclaims/status'),
    rule('list watch get create delete', 'core', 'pods'),
    rule('get list watch', 'storage.k8s.io', 'storageclasses'),
    rule('list watch', 'core', 'nodes'),
    EVENTS,
    rule('watch', 'core', 'events'),
    rule('get', 'core', 'services'),
  ]],
  ['pod-garbage-collector', [rule('list watch delete', 'core', 'pods'), rule('get list watch', 'core', 'nodes'), rule('patch', 'core', 'pods/status')]],
  ['replicaset-controller', [
    rule('get list watch update', 'apps extensions', 'replicasets'),
    rule('update', 'apps extensions', 'replicasets/status'),
    rule('update', 'apps extensions', 'replicasets/finalizers'),
    rule('list watch patch create delete', 'core', 'pods'),
    EVENTS,
  ]],
  ['replication-controller', [
    rule('get list watch update', 'core', 'replicationcontrollers'),
    rule('update', 'core', 'replicationcontrollers/status'),
    rule('update', 'core', 'replicationcontrollers/finalizers'),
    rule('list watch patch create delete', 'core', 'pods'),
    EVENTS,
  ]],
  ['resourcequota-controller', [rule('list watch', '*', '*'), rule('update', 'core', 'resourcequotas/status'), EVENTS]],
  ['route-controller', [rule('list watch', 'core', 'nodes'), rule('patch', 'core', 'nodes/status'), EVENTS]],
  ['service-account-controller', [rule('create', 'core', 'serviceaccounts'), EVENTS]],
  ['service-controller', [rule('get list watch', 'core', 'services'), rule('patch update', 'core', 'services/status'), rule('list watch', 'core', 'nodes'), EVENTS]],
  ['statefulset-controller', [
    rule('list watch', 'core', 'pods'),
    rule('get list watch', 'apps', 'statefulsets'),
    rule('update', 'apps', 'statefulsets/status'),
    rule('update', 'apps', 'statefulsets/finalizers'),
    rule('get create delete update patch', 'core', 'pods'),
    rule('get create delete update patch list watch', 'apps', 'controllerrevisions'),
    rule('get create list watch', 'core', 'persistentvolumeclaims'),
    EVENTS,
    // StatefulSetAutoDeletePVC (beta, on since 1.27) appends the claim update/delete rule.
    rule('update delete', 'core', 'persistentvolumeclaims'),
  ]],
  ['ttl-controller', [rule('update patch list watch', 'core', 'nodes'), EVENTS]],
  ['certificate-controller', [
    rule('get list watch delete', 'certificates.k8s.io', 'certificatesigningrequests'),
    rule('update', 'certificates.k8s.io', 'certificatesigningrequests/status certificatesigningrequests/approval'),
    rule('approve', 'certificates.k8s.io', 'signers', 'kubernetes.io/kube-apiserver-client-kubelet'),
    rule('sign', 'certificates.k8s.io', 'signers', 'kubernetes.io/legacy-unknown kubernetes.io/kube-apiserver-client kubernetes.io/kube-apiserver-client-kubelet kubernetes.io/kubelet-serving'),
    rule('create', 'authorization.k8s.io', 'subjectaccessreviews'),
    EVENTS,
  ]],
  ['pvc-protection-controller', [rule('get list watch update', 'core', 'persistentvolumeclaims'), rule('list watch get', 'core', 'pods'), EVENTS]],
  ['pv-protection-controller', [rule('get list watch update', 'core', 'persistentvolumes'), EVENTS]],
  ['ttl-after-finished-controller', [rule('get list watch delete', 'batch', 'jobs'), EVENTS]],
  ['root-ca-cert-publisher', [rule('create update', 'core', 'configmaps'), EVENTS]],
  ['validatingadmissionpolicy-status-controller', [
    rule('get list watch', 'admissionregistration.k8s.io', 'validatingadmissionpolicies'),
    rule('get patch update', 'admissionregistration.k8s.io', 'validatingadmissionpolicies/status'),
    EVENTS,
  ]],
  ['legacy-service-account-token-cleaner', [
    rule('get', 'core', 'configmaps', 'kube-apiserver-legacy-service-account-token-tracking'),
    rule('patch delete', 'core', 'secrets'),
  ]],
];

/** The controllers' ServiceAccounts, in kube-system, named as their roles. */
export const CONTROLLER_ROLE_NAMES: readonly string[] = CONTROLLER_ROLES.map(([name]) => name);

export function installControllerPolicy(ctx: SimContext): void {
  for (const [name, rules] of CONTROLLER_ROLES) storePolicy(ctx, 'clusterroles', clusterRole({ name: `system:controller:${name}`, rules }));
  for (const [name] of CONTROLLER_ROLES) {
    const full = `system:controller:${name}`;
    storePolicy(ctx, 'clusterrolebindings', clusterRoleBinding(full, full, [['ServiceAccount', name, 'kube-system']]));
  }
}
