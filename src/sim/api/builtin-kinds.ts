/**
 * Every kind a Kubernetes 1.32 api-server serves out of the box (what `kubectl api-resources`
 * lists on a fresh kind cluster, GA group/versions only), whether or not this simulation serves it
 * too. It lets kubectl tell "a real kind this playground does not simulate yet" apart from "no such
 * kind in Kubernetes 1.32" (a typo, a CRD, or a group/version 1.32 no longer serves).
 */

export interface BuiltinKind {
  /** `v1`, `apps/v1`, … */
  apiVersion: string;
  kind: string;
  plural: string;
  shortNames: string[];
  namespaced: boolean;
}

type Row = [kind: string, plural: string, shortNames: string, namespaced: boolean];

/** Rows per group/version, as `kubectl api-resources` prints them on 1.32 (alpha/beta groups off). */
const GROUPS: Record<string, Row[]> = {
  v1: [
    ['Binding', 'bindings', '', true],
    ['ComponentStatus', 'componentstatuses', 'cs', false],
    ['ConfigMap', 'configmaps', 'cm', true],
    ['Endpoints', 'endpoints', 'ep', true],
    ['Event', 'events', 'ev', true],
    ['LimitRange', 'limitranges', 'limits', true],
    ['Namespace', 'namespaces', 'ns', false],
    ['Node', 'nodes', 'no', false],
    ['PersistentVolumeClaim', 'persistentvolumeclaims', 'pvc', true],
    ['PersistentVolume', 'persistentvolumes', 'pv', false],
    ['Pod', 'pods', 'po', true],
    ['PodTemplate', 'podtemplates', '', true],
    ['ReplicationController', 'replicationcontrollers', 'rc', true],
    ['ResourceQuota', 'resourcequotas', 'quota', true],
    ['Secret', 'secrets', '', true],
    ['ServiceAccount', 'serviceaccounts', 'sa', true],
    ['Service', 'services', 'svc', true],
  ],
  'admissionregistration.k8s.io/v1': [
    ['MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', '', false],
    ['ValidatingAdmissionPolicy', 'validatingadmissionpolicies', '', false],
    ['ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', '', false],
    ['ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', '', false],
  ],
  'apiextensions.k8s.io/v1': [['CustomResourceDefinition', 'customresourcedefinitions', 'crd,crds', false]],
  'apiregistration.k8s.io/v1': [['APIService', 'apiservices', '', false]],
  'apps/v1': [
    ['ControllerRevision', 'controllerrevisions', '', true],
    ['DaemonSet', 'daemonsets', 'ds', true],
    ['Deployment', 'deployments', 'deploy', true],
    ['ReplicaSet', 'replicasets', 'rs', true],
    ['StatefulSet', 'statefulsets', 'sts', true],
  ],
  'authentication.k8s.io/v1': [
    ['SelfSubjectReview', 'selfsubjectreviews', '', false],
    ['TokenReview', 'tokenreviews', '', false],
  ],
  'authorization.k8s.io/v1': [
    ['LocalSubjectAccessReview', 'localsubjectaccessreviews', '', true],
    ['SelfSubjectAccessReview', 'selfsubjectaccessreviews', '', false],
    ['SelfSubjectRulesReview', 'selfsubjectrulesreviews', '', false],
    ['SubjectAccessReview', 'subjectaccessreviews', '', false],
  ],
  'autoscaling/v2': [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'hpa', true]],
  'autoscaling/v1': [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'hpa', true]],
  'batch/v1': [
    ['CronJob', 'cronjobs', 'cj', true],
    ['Job', 'jobs', '', true],
  ],
  'certificates.k8s.io/v1': [['CertificateSigningRequest', 'certificatesigningrequests', 'csr', false]],
  'coordination.k8s.io/v1': [['Lease', 'leases', '', true]],
  'discovery.k8s.io/v1': [['EndpointSlice', 'endpointslices', '', true]],
  'events.k8s.io/v1': [['Event', 'events', 'ev', true]],
  'flowcontrol.apiserver.k8s.io/v1': [
    ['FlowSchema', 'flowschemas', '', false],
    ['PriorityLevelConfiguration', 'prioritylevelconfigurations', '', false],
  ],
  'networking.k8s.io/v1': [
    ['IngressClass', 'ingressclasses', '', false],
    ['Ingress', 'ingresses', 'ing', true],
    ['NetworkPolicy', 'networkpolicies', 'netpol', true],
  ],
  'node.k8s.io/v1': [['RuntimeClass', 'runtimeclasses', '', false]],
  'policy/v1': [['PodDisruptionBudget', 'poddisruptionbudgets', 'pdb', true]],
  'rbac.authorization.k8s.io/v1': [
    ['ClusterRoleBinding', 'clusterrolebindings', '', false],
    ['ClusterRole', 'clusterroles', '', false],
    ['RoleBinding', 'rolebindings', '', true],
    ['Role', 'roles', '', true],
  ],
  'scheduling.k8s.io/v1': [['PriorityClass', 'priorityclasses', 'pc', false]],
  'storage.k8s.io/v1': [
    ['CSIDriver', 'csidrivers', '', false],
    ['CSINode', 'csinodes', '', false],
    ['CSIStorageCapacity', 'csistoragecapacities', '', true],
    ['StorageClass', 'storageclasses', 'sc', false],
    ['VolumeAttachment', 'volumeattachments', '', false],
  ],
};

export const BUILTIN_KINDS: BuiltinKind[] = Object.entries(GROUPS).flatMap(([apiVersion, rows]) =>
  rows.map(([kind, plural, shortNames, namespaced]) => ({ apiVersion, kind, plural, shortNames: shortNames ? shortNames.split(',') : [], namespaced })),
);

/** The 1.32 built-in kind at exactly `apiVersion` + `kind`, if there is one. */
export function builtinKind(apiVersion: string, kind: string): BuiltinKind | undefined {
  return BUILTIN_KINDS.find((k) => k.apiVersion === apiVersion && k.kind === kind);
}

/**
 * The 1.32 built-in kind a resource word names as kubectl resolves it (`statefulsets`, `sts`,
 * `statefulset`, `statefulsets.apps`): the preferred group/version first, as discovery lists it.
 */
export function builtinResource(word: string): BuiltinKind | undefined {
  const lower = word.toLowerCase();
  const dot = lower.indexOf('.');
  const head = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  return BUILTIN_KINDS.find((k) => {
    if (group && groupOf(k.apiVersion) !== group) return false;
    return k.plural === head || k.kind.toLowerCase() === head || k.shortNames.includes(head);
  });
}

/** The API group of a built-in kind (`''` for core). */
export function builtinGroup(k: BuiltinKind): string {
  return groupOf(k.apiVersion);
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
