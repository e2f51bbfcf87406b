/**
 * What kind's control plane leaves in its namespaces besides the add-ons: kube-controller-manager
 * runs each controller under its own ServiceAccount (`--use-service-account-credentials`, as
 * kubeadm sets it), made as the controller starts (a v1.32 kind cluster's list: the alpha and
 * off-by-default controllers make none); the api-server publishes the client CAs for
 * extension api-servers (`extension-apiserver-authentication`) and the day it began tracking
 * legacy token use; kubeadm publishes `cluster-info` in kube-public (the CA and the api-server's
 * address, for `kubeadm join`), which the bootstrap signer signs with kind's token `abcdef`.
 * `default` in every namespace and `kube-root-ca.crt` come from their
 * controllers (../controllers/serviceaccount, ../controllers/root-ca).
 */
import type { SimContext } from '../context';
import { utcParts } from '../core/utc';
import { clusterCA, fakeCertificate } from '../controllers/root-ca/root-ca';

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

export function installApiServerConfigMaps(ctx: SimContext): void {
  const ns = 'kube-system';
  const configMap = (name: string, data: Record<string, string>) => ctx.api.create('configmaps', ns, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data });
  configMap('extension-apiserver-authentication', {
    'client-ca-file': clusterCA(ctx.rng),
    'requestheader-allowed-names': '["front-proxy-client"]',
    'requestheader-client-ca-file': fakeCertificate(ctx.rng.fork('front-proxy-ca')),
    'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
    'requestheader-group-headers': '["X-Remote-Group"]',
    'requestheader-username-headers': '["X-Remote-User"]',
  });
  const t = utcParts(ctx.clock.now());
  const day = `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
  configMap('kube-apiserver-legacy-service-account-token-tracking', { since: day });
}

/** kind's bootstrap token id (`abcdef.0123456789abcdef`, its kubeadm config's). */
const BOOTSTRAP_TOKEN_ID = 'abcdef';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function installClusterInfo(ctx: SimContext): void {
  const kubeconfig = [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${btoa(clusterCA(ctx.rng))}`,
    '    server: https://kind-control-plane:6443',
    '  name: ""',
    'contexts: null',
    'current-context: ""',
    'kind: Config',
    'preferences: {}',
    'users: null',
    '',
  ].join('\n');
  // A detached JWS: the header {"alg":"HS256","kid":"abcdef"}, no payload, an HMAC-SHA256.
  const signature = ctx.rng.fork('bootstrap-signer').string(43, BASE64URL);
  ctx.api.create('configmaps', 'kube-public', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cluster-info', namespace: 'kube-public' },
    data: { [`jws-kubeconfig-${BOOTSTRAP_TOKEN_ID}`]: `eyJhbGciOiJIUzI1NiIsImtpZCI6ImFiY2RlZiJ9..${signature}`, kubeconfig },
  });
}
