/**
 * The kube-apiserver's bootstrap RBAC policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy),
 * the part a learner meets: `cluster-admin`, the user-facing `admin`/`edit`/`view` built by
 * aggregation from the `system:aggregate-to-*` roles, the roles every authenticated user
 * holds (discovery, basic-user, public-info-viewer) and the components' own. Every object is
 * labelled `kubernetes.io/bootstrapping: rbac-defaults` and annotated for auto-update.
 */
import type { KObject } from '../core/object';
import type { SimContext } from '../context';
import { installControllerPolicy } from './rbac-controller-policy';
import { installNamespacePolicy } from './rbac-namespace-policy';

const RW = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];
const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

const r = (apiGroups: string[], resources: string[], verbs: string[]): Rule => ({ apiGroups, resources, verbs });
const urls = (nonResourceURLs: string[], verbs: string[]): Rule => ({ nonResourceURLs, verbs });
/** Approving certificate requests for one signer. */
const approve = (signer: string): Rule => ({ apiGroups: ['certificates.k8s.io'], resourceNames: [signer], resources: ['signers'], verbs: ['approve'] });

interface RoleSpec {
  name: string;
  rules?: Rule[];
  /** `aggregate-to-*` labels this role carries. */
  aggregateTo?: string[];
  /** The `aggregate-to-<x>` label its aggregationRule selects. */
  aggregates?: string;
}

const CLUSTER_ROLES: RoleSpec[] = [
  { name: 'admin', aggregates: 'admin' },
  { name: 'cluster-admin', rules: [r(['*'], ['*'], ['*']), urls(['*'], ['*'])] },
  { name: 'edit', aggregates: 'edit', aggregateTo: ['admin'] },
  {
    name: 'system:aggregate-to-admin',
    aggregateTo: ['admin'],
    rules: [r(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']), r(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], ALL)],
  },
  {
    name: 'system:aggregate-to-edit',
    aggregateTo: ['edit'],
    rules: [
      r([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
      r([''], ['serviceaccounts'], ['impersonate']),
      r([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], RW),
      r([''], ['pods/eviction'], ['create']),
      r([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], RW),
      r([''], ['serviceaccounts/token'], ['create']),
      r(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], RW),
      r(['autoscaling'], ['horizontalpodautoscalers'], RW),
      r(['batch'], ['cronjobs', 'jobs'], RW),
      r(['extensions'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], RW),
      r(['policy'], ['poddisruptionbudgets'], RW),
      r(['networking.k8s.io'], ['ingresses', 'networkpolicies'], RW),
      r(['coordination.k8s.io'], ['leases'], ALL),
    ],
  },
  {
    name: 'system:aggregate-to-view',
    aggregateTo: ['view'],
    rules: [
      r([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], READ),
      r([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], READ),
      r([''], ['namespaces'], READ),
      r(['discovery.k8s.io'], ['endpointslices'], READ),
      r(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], READ),
      r(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
      r(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
      r(['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], READ),
      r(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
      r(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
    ],
  },
  { name: 'system:auth-delegator', rules: [r(['authentication.k8s.io'], ['tokenreviews'], ['create']), r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create'])] },
  {
    name: 'system:basic-user',
    rules: [r(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']), r(['authentication.k8s.io'], ['selfsubjectreviews'], ['create'])],
  },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', rules: [r(['certificates.k8s.io'], ['certificatesigningrequests/nodeclient'], ['create'])] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', rules: [r(['certificates.k8s.io'], ['certificatesigningrequests/selfnodeclient'], ['create'])] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-approver', rules: [approve('kubernetes.io/kube-apiserver-client')] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', rules: [approve('kubernetes.io/kube-apiserver-client-kubelet')] },
  { name: 'system:certificates.k8s.io:kubelet-serving-approver', rules: [approve('kubernetes.io/kubelet-serving')] },
  { name: 'system:certificates.k8s.io:legacy-unknown-approver', rules: [approve('kubernetes.io/legacy-unknown')] },
  { name: 'system:discovery', rules: [urls(['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], ['get'])] },
  { name: 'system:heapster', rules: [r([''], ['events', 'namespaces', 'nodes', 'pods'], READ), r(['extensions'], ['deployments'], READ)] },
  { name: 'system:kube-aggregator', rules: [r([''], ['endpoints', 'services'], READ)] },
  {
    name: 'system:kube-controller-manager',
    rules: [
      r(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
      r(['coordination.k8s.io'], ['leases'], ['create']),
      { apiGroups: ['coordination.k8s.io'], resourceNames: ['kube-controller-manager'], resources: ['leases'], verbs: ['get', 'update'] },
      r([''], ['secrets', 'serviceaccounts'], ['create']),
      r([''], ['secrets'], ['delete']),
      r([''], ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], ['get']),
      r([''], ['secrets', 'serviceaccounts'], ['update']),
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      r(['*'], ['*'], ['list', 'watch']),
      r([''], ['serviceaccounts/token'], ['create']),
    ],
  },
  { name: 'system:kube-dns', rules: [r([''], ['endpoints', 'services'], ['list', 'watch'])] },
  {
    name: 'system:kube-scheduler',
    rules: [
      r(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
      r(['coordination.k8s.io'], ['leases'], ['create']),
      { apiGroups: ['coordination.k8s.io'], resourceNames: ['kube-scheduler'], resources: ['leases'], verbs: ['get', 'update'] },
      r([''], ['nodes'], READ),
      r([''], ['pods'], ['delete', 'get', 'list', 'watch']),
      r([''], ['bindings', 'pods/binding'], ['create']),
      r([''], ['pods/status'], ['patch', 'update']),
      r([''], ['replicationcontrollers', 'services'], READ),
      r(['apps', 'extensions'], ['replicasets'], READ),
      r(['apps'], ['statefulsets'], READ),
      r(['policy'], ['poddisruptionbudgets'], READ),
      r([''], ['persistentvolumeclaims', 'persistentvolumes'], READ),
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      r(['storage.k8s.io'], ['csinodes'], READ),
      r([''], ['namespaces'], READ),
      r(['storage.k8s.io'], ['csidrivers'], READ),
      r(['storage.k8s.io'], ['csistoragecapacities'], READ),
    ],
  },
  {
    name: 'system:kubelet-api-admin',
    rules: [r([''], ['nodes'], READ), r([''], ['nodes'], ['proxy']), r([''], ['nodes/log', 'nodes/metrics', 'nodes/proxy', 'nodes/stats'], ['*'])],
  },
  { name: 'system:monitoring', rules: [urls(['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'], ['get'])] },
  { name: 'system:node-bootstrapper', rules: [r(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch'])] },
  {
    name: 'system:node-problem-detector',
    rules: [r([''], ['nodes'], ['get']), r([''], ['nodes/status'], ['patch']), r(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update'])],
  },
  {
    name: 'system:node-proxier',
    rules: [
      r([''], ['endpoints', 'services'], ['list', 'watch']),
      r([''], ['nodes'], READ),
      r(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
      r(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
    ],
  },
  {
    name: 'system:node',
    rules: [
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['localsubjectaccessreviews', 'subjectaccessreviews'], ['create']),
      r([''], ['services'], READ),
      r([''], ['nodes'], ['create', 'get', 'list', 'watch']),
      r([''], ['nodes/status'], ['patch', 'update']),
      r([''], ['nodes'], ['patch', 'update']),
      r([''], ['events'], ['create', 'patch', 'update']),
      r([''], ['pods'], READ),
      r([''], ['pods'], ['create', 'delete']),
      r([''], ['pods/status'], ['patch', 'update']),
      r([''], ['pods/eviction'], ['create']),
      r([''], ['configmaps', 'secrets'], READ),
      r([''], ['persistentvolumeclaims', 'persistentvolumes'], ['get']),
      r([''], ['endpoints'], ['get']),
      r(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch']),
      r(['coordination.k8s.io'], ['leases'], ['create', 'delete', 'get', 'patch', 'update']),
      r(['storage.k8s.io'], ['volumeattachments'], ['get']),
      r([''], ['serviceaccounts/token'], ['create']),
      r([''], ['persistentvolumeclaims/status'], ['get', 'patch', 'update']),
      r(['storage.k8s.io'], ['csidrivers'], READ),
      r(['storage.k8s.io'], ['csinodes'], ['create', 'delete', 'get', 'patch', 'update']),
      r(['node.k8s.io'], ['runtimeclasses'], READ),
    ],
  },
  {
    name: 'system:persistent-volume-provisioner',
    rules: [
      r([''], ['persistentvolumes'], ['create', 'delete', 'get', 'list', 'watch']),
      r([''], ['persistentvolumeclaims'], ['get', 'list', 'update', 'watch']),
      r(['storage.k8s.io'], ['storageclasses'], READ),
      r([''], ['events'], ['watch']),
      r(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
    ],
  },
  { name: 'system:public-info-viewer', rules: [urls(['/healthz', '/livez', '/readyz', '/version', '/version/'], ['get'])] },
  { name: 'system:service-account-issuer-discovery', rules: [urls(['/.well-known/openid-configuration', '/openid/v1/jwks'], ['get'])] },
  {
    name: 'system:volume-scheduler',
    rules: [r([''], ['persistentvolumes'], ['get', 'list', 'patch', 'update', 'watch']), r(['storage.k8s.io'], ['storageclasses'], READ), r([''], ['persistentvolumeclaims'], ['get', 'list', 'patch', 'update', 'watch'])],
  },
  {
    name: 'view',
    aggregates: 'view',
    aggregateTo: ['edit'],
  },
];

type SubjectSpec = [kind: 'User' | 'Group' | 'ServiceAccount', name: string, namespace?: string];

const CLUSTER_ROLE_BINDINGS: [name: string, role: string, subjects: SubjectSpec[]][] = [
  ['cluster-admin', 'cluster-admin', [['Group', 'system:masters']]],
  ['system:basic-user', 'system:basic-user', [['Group', 'system:authenticated']]],
  ['system:discovery', 'system:discovery', [['Group', 'system:authenticated']]],
  ['system:kube-controller-manager', 'system:kube-controller-manager', [['User', 'system:kube-controller-manager']]],
  ['system:kube-dns', 'system:kube-dns', [['ServiceAccount', 'kube-dns', 'kube-system']]],
  ['system:kube-scheduler', 'system:kube-scheduler', [['User', 'system:kube-scheduler']]],
  ['system:monitoring', 'system:monitoring', [['Group', 'system:monitoring']]],
  ['system:node', 'system:node', []],
  ['system:node-proxier', 'system:node-proxier', [['User', 'system:kube-proxy']]],
  ['system:public-info-viewer', 'system:public-info-viewer', [['Group', 'system:authenticated'], ['Group', 'system:unauthenticated']]],
  ['system:service-account-issuer-discovery', 'system:service-account-issuer-discovery', [['Group', 'system:serviceaccounts']]],
  ['system:volume-scheduler', 'system:volume-scheduler', [['User', 'system:kube-scheduler']]],
];

export type Meta = { annotations?: Record<string, string>; labels?: Record<string, string> };

export const BOOTSTRAP_META: Meta = { annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' }, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } };

export function clusterRole(spec: RoleSpec, meta: Meta = BOOTSTRAP_META): KObject {
  const labels: Record<string, string> = { ...meta.labels };
  for (const to of spec.aggregateTo ?? []) labels[`rbac.authorization.k8s.io/aggregate-to-${to}`] = 'true';
  const metadata: KObject['metadata'] = { name: spec.name };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (Object.keys(labels).length) metadata.labels = labels;
  const role: KObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata };
  if (spec.aggregates) role.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${spec.aggregates}`]: 'true' } }] };
  if (spec.rules) role.rules = spec.rules;
  return role;
}

export function subject([kind, name, namespace]: SubjectSpec): Record<string, string> {
  if (kind === 'ServiceAccount') return { kind, name, namespace: namespace! };
  return { apiGroup: 'rbac.authorization.k8s.io', kind, name };
}

export function clusterRoleBinding(name: string, role: string, subjects: SubjectSpec[], meta: Meta = BOOTSTRAP_META): KObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name, ...meta },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    ...(subjects.length ? { subjects: subjects.map(subject) } : {}),
  };
}

/**
 * Stores a policy object as the bootstrap hook writes it to storage: complete as written here,
 * its uid drawn from the policy's own stream, so that the policy shifts no other object's
 * generated name, uid or address.
 */
export function storePolicy(ctx: SimContext, resource: string, obj: KObject): void {
  const rng = ctx.rng.fork(`rbac/${resource}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`);
  ctx.store.create(resource, { ...obj, metadata: { ...obj.metadata, uid: rng.uuid(), creationTimestamp: ctx.clock.timestamp() } });
}

/** What the api-server's `rbac/bootstrap-roles` post-start hook makes. */
export function installBootstrapPolicy(ctx: SimContext): void {
  for (const spec of CLUSTER_ROLES) storePolicy(ctx, 'clusterroles', clusterRole(spec));
  for (const [name, role, subjects] of CLUSTER_ROLE_BINDINGS) storePolicy(ctx, 'clusterrolebindings', clusterRoleBinding(name, role, subjects));
  installControllerPolicy(ctx);
  installNamespacePolicy(ctx);
}

export type { RoleSpec, Rule, SubjectSpec };
