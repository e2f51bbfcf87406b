/**
 * The RBAC objects kind's components bring: kubeadm's (`kubeadm:cluster-admins`, whose group the
 * kubeconfig's `kubernetes-admin` user is in; CoreDNS's and kube-proxy's grants), kindnet's and
 * the local-path-provisioner's, as kind v0.26 applies them.
 */
import type { SimContext } from '../context';
import { clusterRole, clusterRoleBinding, storePolicy, type RoleSpec, type SubjectSpec } from './rbac-policy';
import { role, roleBinding } from './rbac-namespace-policy';

const NO_META = {};

const ADDON_ROLES: RoleSpec[] = [
  {
    name: 'kindnet',
    rules: [
      { apiGroups: [''], resources: ['nodes'], verbs: ['list', 'watch', 'patch'] },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['list', 'watch'] },
      { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['list', 'watch'] },
    ],
  },
  { name: 'kubeadm:get-nodes', rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }] },
  {
    name: 'local-path-provisioner-role',
    rules: [
      { apiGroups: [''], resources: ['nodes', 'persistentvolumeclaims', 'configmaps'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['endpoints', 'persistentvolumes', 'pods'], verbs: ['*'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get', 'list', 'watch'] },
    ],
  },
  {
    name: 'system:coredns',
    rules: [
      { apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'], verbs: ['list', 'watch'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
    ],
  },
];

const ADDON_BINDINGS: [name: string, role: string, subjects: SubjectSpec[]][] = [
  ['kindnet', 'kindnet', [['ServiceAccount', 'kindnet', 'kube-system']]],
  ['kubeadm:cluster-admins', 'cluster-admin', [['Group', 'kubeadm:cluster-admins']]],
  ['kubeadm:get-nodes', 'kubeadm:get-nodes', [['Group', 'system:bootstrappers:kubeadm:default-node-token']]],
  ['kubeadm:kubelet-bootstrap', 'system:node-bootstrapper', [['Group', 'system:bootstrappers:kubeadm:default-node-token']]],
  ['kubeadm:node-autoapprove-bootstrap', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', [['Group', 'system:bootstrappers:kubeadm:default-node-token']]],
  ['kubeadm:node-autoapprove-certificate-rotation', 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [['Group', 'system:nodes']]],
  ['kubeadm:node-proxier', 'system:node-proxier', [['ServiceAccount', 'kube-proxy', 'kube-system']]],
  ['local-path-provisioner-bind', 'local-path-provisioner-role', [['ServiceAccount', 'local-path-provisioner-service-account', 'local-path-storage']]],
  ['system:coredns', 'system:coredns', [['ServiceAccount', 'coredns', 'kube-system']]],
];

const BOOTSTRAPPERS: SubjectSpec = ['Group', 'system:bootstrappers:kubeadm:default-node-token'];
const NODES: SubjectSpec = ['Group', 'system:nodes'];

/** kubeadm's Roles letting joining nodes read one ConfigMap each, and their bindings. */
const KUBEADM_CONFIGMAP_READERS: [namespace: string, name: string, configMap: string, subjects: SubjectSpec[]][] = [
  ['kube-public', 'kubeadm:bootstrap-signer-clusterinfo', 'cluster-info', [['User', 'system:anonymous']]],
  ['kube-system', 'kube-proxy', 'kube-proxy', [BOOTSTRAPPERS]],
  ['kube-system', 'kubeadm:kubelet-config', 'kubelet-config', [NODES, BOOTSTRAPPERS]],
  ['kube-system', 'kubeadm:nodes-kubeadm-config', 'kubeadm-config', [BOOTSTRAPPERS, NODES]],
];

export function installAddonRbac(ctx: SimContext): void {
  for (const spec of ADDON_ROLES) {
    storePolicy(ctx, 'clusterroles', clusterRole(spec, NO_META));
  }
  for (const [name, role, subjects] of ADDON_BINDINGS) storePolicy(ctx, 'clusterrolebindings', clusterRoleBinding(name, role, subjects, NO_META));
  for (const [ns, name, configMap, subjects] of KUBEADM_CONFIGMAP_READERS) {
    storePolicy(ctx, 'roles', role(ns, name, [{ apiGroups: [''], resourceNames: [configMap], resources: ['configmaps'], verbs: ['get'] }], NO_META));
    storePolicy(ctx, 'rolebindings', roleBinding(ns, name, name, subjects, NO_META));
  }
}
