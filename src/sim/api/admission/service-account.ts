/**
 * ServiceAccount (plugin/pkg/admission/serviceaccount): a new pod runs as the namespace's
 * `default` service account unless it names one, and gets the projected API token volume
 * (`kube-api-access-xxxxx`) mounted in every container, unless automounting is off.
 */
import type { Rng } from '../../core/rng';
import { SAFE_ALPHABET } from '../../core/rng';
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { child, objects } from '../../kinds/util';
import { podOf, type AdmissionPlugin } from './plugin';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** `rng` is the api-server's own stream: the volume's suffix is drawn as the real one is. */
export function serviceAccount(rng: Rng): AdmissionPlugin {
  return {
    name: 'ServiceAccount',
    admit(request) {
      const pod = podOf(request);
      // Mirror pods (a kubelet's static pods) get no service account (the plugin skips them).
      if (pod && !pod.metadata?.annotations?.['kubernetes.io/config.mirror']) admitServiceAccount(child(pod, 'spec'), rng);
    },
  };
}

function admitServiceAccount(spec: PodSpec, rng: Rng): void {
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
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
