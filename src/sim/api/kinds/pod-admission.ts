/**
 * What the api-server's admission plugins add to a Pod on create (never to templates):
 * ServiceAccount (service account + projected token volume), Priority, and
 * DefaultTolerationSeconds. Plus the QoS class the strategy records in status.
 */
import type { Rng } from '../../rng';
import { SAFE_ALPHABET } from '../../rng';
import { tryParseQuantity } from '../../quantity';
import { objects, obj, type J } from '../../kinds/util';

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

const QOS_RESOURCES = ['cpu', 'memory'];

/** GetPodQOS: BestEffort, Guaranteed or Burstable (init containers included). */
export function qosClass(spec: J): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const c of [...objects(spec.initContainers), ...objects(spec.containers)]) {
    const res = obj(c.resources);
    for (const [name, q] of Object.entries(obj(res?.requests) ?? {})) {
      const v = amount(q);
      if (QOS_RESOURCES.includes(name) && v !== 0n) requests.set(name, (requests.get(name) ?? 0n) + v);
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries(obj(res?.limits) ?? {})) {
      const v = amount(q);
      if (QOS_RESOURCES.includes(name) && v !== 0n) {
        limits.set(name, (limits.get(name) ?? 0n) + v);
        found.add(name);
      }
    }
    if (!QOS_RESOURCES.every((r) => found.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function amount(q: unknown): bigint {
  if (typeof q !== 'string' && typeof q !== 'number') return 0n;
  return tryParseQuantity(q)?.nanos ?? 0n;
}
