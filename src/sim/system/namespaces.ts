/**
 * What kind's control plane leaves in its namespaces besides the add-ons: kube-controller-manager
 * runs each controller under its own ServiceAccount in kube-system (`--use-service-account-credentials`,
 * as kubeadm sets it), made as the controller starts. The list is a v1.32 kind cluster's (the
 * alpha and off-by-default controllers make none). `default` in every namespace and
 * `kube-root-ca.crt` come from their controllers (../controllers/serviceaccount, ../controllers/root-ca).
 */
import type { SimContext } from '../context';

export const CONTROLLER_SERVICE_ACCOUNTS = [
  'attachdetach-controller',
  'bootstrap-signer',
  'certificate-controller',
  'clusterrole-aggregation-controller',
  'cronjob-controller',
  'daemon-set-controller',
  'deployment-controller',
  'disruption-controller',
  'endpoint-controller',
  'endpointslice-controller',
  'endpointslicemirroring-controller',
  'ephemeral-volume-controller',
  'expand-controller',
  'generic-garbage-collector',
  'horizontal-pod-autoscaler',
  'job-controller',
  'legacy-service-account-token-cleaner',
  'namespace-controller',
  'node-controller',
  'persistent-volume-binder',
  'pod-garbage-collector',
  'pv-protection-controller',
  'pvc-protection-controller',
  'replicaset-controller',
  'replication-controller',
  'resourcequota-controller',
  'root-ca-cert-publisher',
  'service-account-controller',
  'statefulset-controller',
  'token-cleaner',
  'ttl-after-finished-controller',
  'ttl-controller',
  'validatingadmissionpolicy-status-controller',
];

export function installControllerAccounts(ctx: SimContext): void {
  for (const name of CONTROLLER_SERVICE_ACCOUNTS) {
    ctx.api.create('serviceaccounts', 'kube-system', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } });
  }
}
