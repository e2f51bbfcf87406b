/**
 * ServiceAccount (plugin/pkg/admission/serviceaccount): a new pod runs as the namespace's
 * `default` service account unless it names one, which must exist; it gets the projected API
 * token volume (`kube-api-access-xxxxx`) in every container unless the pod or the account
 * turns automounting off, and the account's imagePullSecrets when it names none. Mirror pods
 * (the kubelet's static pods) are left as they are and may reference no account, Secret or token.
 */
import type { Container, Pod, PodSpec, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import type { Rng } from '../../core/rng';
import { SAFE_ALPHABET } from '../../core/rng';
import type { Store } from '../../core/store';
import { child, objects } from '../../kinds/util';
import { forbidden } from '../errors';
import { podOf, type AdmissionPlugin } from './plugin';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const DEFAULT_ACCOUNT = 'default';

/** `rng` is the api-server's own stream: the volume's suffix is drawn as the real one is. */
export function serviceAccount(store: Store, rng: Rng): AdmissionPlugin {
  return {
    name: 'ServiceAccount',
    admit(request) {
      const pod = podOf(request);
      if (!pod || isMirrorPod(pod)) return;
      const spec = child(pod, 'spec');
      if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_ACCOUNT;
      spec.serviceAccount = spec.serviceAccountName;
      const ns = pod.metadata.namespace!;
      const account = lookup(store, ns, spec.serviceAccountName);
      if (!account) {
        const why = `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`;
        throw forbidden('pods', '', mutatingName(pod), why);
      }
      if (shouldAutomount(account, spec)) mountToken(spec, rng);
      if (!spec.imagePullSecrets?.length && account.imagePullSecrets?.length) {
        spec.imagePullSecrets = account.imagePullSecrets.map((s) => ({ name: s.name }));
      }
    },
    validate(request) {
      const pod = podOf(request);
      if (!pod || !isMirrorPod(pod)) return;
      const why = mirrorPodProblem(pod);
      if (why) throw forbidden('pods', '', pod.metadata.name!, why);
    },
  };
}

function isMirrorPod(pod: KObject): boolean {
  return pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined;
}

/**
 * The account, or a bare one for a missing `default`: the real plugin retries for it for a
 * second or two, in which the serviceaccounts controller makes it.
 */
function lookup(store: Store, ns: string, name: string): ServiceAccount | undefined {
  const found = store.get('serviceaccounts', ns, name) as (ServiceAccount & KObject) | undefined;
  if (found) return found;
  return name === DEFAULT_ACCOUNT ? {} : undefined;
}

/**
 * The name admission.NewForbidden reports in the mutating phase: the generated name is not
 * made yet there, so a pod from `generateName` is called by its prefix (`web-7c5d-`).
 */
function mutatingName(pod: KObject): string {
  const { name = '', generateName } = pod.metadata;
  if (generateName && name.startsWith(generateName.slice(0, 58)) && name.length === Math.min(generateName.length, 58) + 5) return generateName;
  return name;
}

/** The pod's choice wins, then the account's, then true. */
function shouldAutomount(account: ServiceAccount, spec: PodSpec): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof account.automountServiceAccountToken === 'boolean') return account.automountServiceAccountToken;
  return true;
}

function mountToken(spec: PodSpec, rng: Rng): void {
  const containers = [...objects(spec.initContainers), ...objects(spec.containers)];
  const needsMount = (c: Container) => !objects(c.volumeMounts).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH);
  if (!containers.some(needsMount)) return;
  const name = `kube-api-access-${rng.string(5, SAFE_ALPHABET)}`;
  if (!Array.isArray(spec.volumes)) spec.volumes = [];
  spec.volumes.push({
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  });
  for (const c of containers) {
    if (!needsMount(c)) continue;
    if (!Array.isArray(c.volumeMounts)) c.volumeMounts = [];
    c.volumeMounts.push({ mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true });
  }
}

/** What a mirror pod may not reference (the plugin's Validate for mirror pods). */
function mirrorPodProblem(pod: Pod & KObject): string | undefined {
  const spec: PodSpec = pod.spec ?? { containers: [] };
  if (spec.serviceAccountName) return 'a mirror pod may not reference service accounts';
  const volumes = objects(spec.volumes);
  const containers = [...objects(spec.initContainers), ...objects(spec.containers), ...objects(spec.ephemeralContainers)] as Container[];
  const secretVolume = volumes.some((v) => v.secret || objects(v.projected?.sources).some((s) => s.secret));
  const secretEnv = containers.some((c) => objects(c.envFrom).some((e) => e.secretRef) || objects(c.env).some((e) => e.valueFrom?.secretKeyRef));
  if (secretVolume || secretEnv || objects(spec.imagePullSecrets).length) return 'a mirror pod may not reference secrets';
  if (volumes.some((v) => objects(v.projected?.sources).some((s) => s.serviceAccountToken))) return 'a mirror pod may not use ServiceAccountToken volume projections';
  return undefined;
}
