/**
 * The storage protection controllers (pkg/controller/volume/pvcprotection, pvprotection): a
 * deleted claim keeps `kubernetes.io/pvc-protection` while a pod that has not finished still
 * uses it, and a deleted volume keeps `kubernetes.io/pv-protection` while it is Bound; the
 * finalizer goes once nothing holds them, and the api-server completes the delete.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../../api/admission/storage-protection';
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';

export class StorageProtectionController {
  readonly queue: WorkQueue;
  /** Claims being deleted (their finalizer waits for their pods), by queue key. */
  private readonly terminating = new Set<string>();

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'pvc-protection-controller');
    informers.for('persistentvolumeclaims').onChange((obj, _old, type) => {
      const key = `pvc:${obj.metadata.namespace}/${obj.metadata.name}`;
      if (type !== 'DELETED' && obj.metadata.deletionTimestamp) {
        this.terminating.add(key);
        this.queue.add(key);
      } else this.terminating.delete(key);
    });
    informers.for('persistentvolumes').onChange((obj, _old, type) => {
      if (type !== 'DELETED' && obj.metadata.deletionTimestamp) this.queue.add(`pv:${obj.metadata.name}`);
    });
    // A pod that finishes or goes may free the claims it used: only a claim being deleted waits for that.
    informers.for('pods').onChange((obj) => {
      if (this.terminating.size === 0) return;
      for (const v of (obj as Pod).spec?.volumes ?? []) {
        const key = `pvc:${obj.metadata.namespace}/${v.persistentVolumeClaim?.claimName}`;
        if (v.persistentVolumeClaim?.claimName && this.terminating.has(key)) this.queue.add(key);
      }
    });
  }

  sync(key: string): void {
    if (key.startsWith('pv:')) {
      const pv = this.informers.for('persistentvolumes').get(undefined, key.slice(3));
      if (pv?.metadata.deletionTimestamp && (pv.status as { phase?: string } | undefined)?.phase !== 'Bound') this.release(pv, 'persistentvolumes', PV_PROTECTION_FINALIZER);
      return;
    }
    const [ns, name] = key.slice(4).split('/');
    const pvc = this.informers.for('persistentvolumeclaims').get(ns, name);
    if (!pvc?.metadata.deletionTimestamp || this.inUse(ns, name)) return;
    this.release(pvc, 'persistentvolumeclaims', PVC_PROTECTION_FINALIZER);
  }

  private inUse(ns: string, claim: string): boolean {
    return (this.informers.for('pods').list(ns) as (Pod & KObject)[]).some((p) => {
      const phase = p.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return false;
      return (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim);
    });
  }

  private release(obj: KObject, resource: string, finalizer: string): void {
    const finalizers = obj.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) return;
    try {
      this.ctx.api.update(resource, obj.metadata.namespace, { ...obj, metadata: { ...obj.metadata, finalizers: finalizers.filter((f) => f !== finalizer) } });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

export function startStorageProtectionController(ctx: SimContext, informers: SharedInformers): StorageProtectionController {
  return new StorageProtectionController(ctx, informers);
}
