/**
 * What the api-server's admission plugins add to a Pod on create (never to templates):
 * ServiceAccount (service account + projected token volume), Priority, and
 * DefaultTolerationSeconds. (The QoS class the strategy records in status: ../../qos.)
 */
import type { Rng } from '../../rng';
import { SAFE_ALPHABET } from '../../rng';
import { objects, type J } from './util';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

export function admitServiceAccount(spec: J, rng: Rng): void {
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...objects(spec.initContainers), ...objects(spec.containers)];
  const needsMount = (c: J) => !objects(c.volumeMounts).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH);
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

/** No PriorityClass exists in the playground: every pod gets priority 0. */
export function admitPriority(spec: J): void {
  if (spec.priority === undefined || spec.priority === null) spec.priority = 0;
  if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
}

const DEFAULT_TOLERATION_KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

export function admitDefaultTolerations(spec: J): void {
  const tolerations = objects(spec.tolerations);
  const added: J[] = [];
  for (const key of DEFAULT_TOLERATION_KEYS) {
    // A toleration of that key for NoExecute (or every effect) already covers it.
    const covered = tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!covered) added.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  if (added.length) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}
