/**
 * The root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher): every
 * live namespace holds ConfigMap `kube-root-ca.crt` with the cluster CA under `ca.crt`, the
 * file a pod's projected service-account volume mounts. Deleted or edited, it comes back.
 */
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import type { Rng } from '../../core/rng';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export class RootCAPublisher {
  readonly queue: WorkQueue;
  /** The cluster CA, PEM-shaped (never a real key). */
  readonly caPem: string;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (ns) => this.sync(ns), 'root-ca-cert-publisher');
    this.caPem = fakeCertificate(ctx.rng.fork('root-ca'));
    const namespaces = informers.for('namespaces');
    for (const ns of namespaces.list()) this.queue.add(ns.metadata.name!);
    namespaces.onChange((obj, _old, type) => {
      if (type !== 'DELETED') this.queue.add(obj.metadata.name!);
    });
    informers.for('configmaps').onChange((obj, _old, type) => {
      if (type !== 'ADDED' && obj.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(obj.metadata.namespace!);
    });
  }

  sync(ns: string): void {
    const namespace = this.informers.for('namespaces').get(undefined, ns);
    if (!namespace || namespace.metadata.deletionTimestamp) return;
    const data = { 'ca.crt': this.caPem };
    try {
      const cm = this.informers.for('configmaps').get(ns, ROOT_CA_CONFIGMAP) as (ConfigMap & KObject) | undefined;
      if (!cm) {
        this.ctx.api.create('configmaps', ns, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
          data,
        });
        return;
      }
      const same = cm.data?.['ca.crt'] === this.caPem && Object.keys(cm.data ?? {}).length === 1 && !cm.binaryData && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION] === DESCRIPTION;
      if (same) return;
      this.ctx.api.update('configmaps', ns, {
        ...cm,
        metadata: { ...cm.metadata, annotations: { ...cm.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
        data,
        binaryData: undefined,
      } as KObject);
    } catch (e) {
      // A namespace going away, or a write racing ours: the next event brings us back.
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

export function startRootCAPublisher(ctx: SimContext, informers: SharedInformers): RootCAPublisher {
  return new RootCAPublisher(ctx, informers);
}

/** A PEM-shaped, deterministic stand-in for the cluster CA. */
function fakeCertificate(rng: Rng): string {
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines = ['-----BEGIN CERTIFICATE-----', 'MIIDBTCCAe2gAwIBAgII' + rng.string(44, b64)];
  for (let i = 0; i < 15; i++) lines.push(rng.string(64, b64));
  lines.push(rng.string(20, b64) + '==', '-----END CERTIFICATE-----', '');
  return lines.join('\n');
}
