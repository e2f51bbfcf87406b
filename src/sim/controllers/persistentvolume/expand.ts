/**
 * The volume expand controller (pkg/controller/volume/expand, expand_controller.go): when a
 * bound claim asks for more storage than its status.capacity, it looks for an in-tree plugin
 * that can grow the volume. kube-controller-manager only has such plugins for a few cloud and
 * fibre-channel volumes; kind's volumes (hostPath from local-path-provisioner, local, nfs) match
 * none, so it hands over to an external resizer with a Warning `ExternalExpanding` event. kind
 * runs no resizer: the claim keeps its capacity, and nothing else happens.
 */
import type { SimContext } from '../../context';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import { storageBytes } from '../../kinds/core/volume-access';
import type { PV, PVC } from './volume-match';

const COMPONENT = 'volume_expand';

export class ExpandController {
  readonly queue: WorkQueue;
  private readonly record;

  constructor(
    ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.record = ctx.events.for({ component: COMPONENT });
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'expand_controller');
    informers.for('persistentvolumeclaims').onChange((obj, old, type) => {
      if (type === 'DELETED') return;
      const pvc = obj as PVC;
      // Enqueued when added, or when the request or the capacity changed — and only once bound.
      if (type === 'MODIFIED' && old && !sizeChanged(pvc, old as PVC)) return;
      if (pvc.status?.phase === 'Bound') this.queue.add(`${obj.metadata.namespace}/${obj.metadata.name}`);
    });
  }

  sync(key: string): void {
    const [ns, name] = key.split('/');
    const pvc = this.informers.for('persistentvolumeclaims').get(ns, name) as PVC | undefined;
    if (!pvc?.spec?.volumeName) return;
    const pv = this.informers.for('persistentvolumes').get(undefined, pvc.spec.volumeName) as PV | undefined;
    const ref = pv?.spec?.claimRef;
    if (!ref || ref.namespace !== ns || ref.uid !== pvc.metadata.uid) return;
    if (storageBytes(pvc.spec.resources?.requests) <= storageBytes(pvc.status?.capacity)) return;
    // FindExpandablePluginBySpec fails ("no volume plugin matched"): an error, so a Warning.
    this.record(pvc, 'Warning', 'ExternalExpanding', 'waiting for an external controller to expand this PVC');
  }
}

function sizeChanged(pvc: PVC, old: PVC): boolean {
  return storageBytes(pvc.spec?.resources?.requests) !== storageBytes(old.spec?.resources?.requests) || storageBytes(pvc.status?.capacity) !== storageBytes(old.status?.capacity);
}

export function startExpandController(ctx: SimContext, informers: SharedInformers): ExpandController {
  return new ExpandController(ctx, informers);
}
