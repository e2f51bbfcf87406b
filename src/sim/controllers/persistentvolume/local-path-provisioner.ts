/**
 * rancher.io/local-path, kind's provisioner (local-path-provisioner's provisioner.go), run by
 * the `local-path-provisioner` pod in local-path-storage: it answers only while that pod runs.
 * For a claim handed to it (annotation volume.kubernetes.io/storage-provisioner) on a chosen
 * node, its helper pod makes `/var/local-path-provisioner/pvc-<uid>_<ns>_<claim>` on that node
 * (mode 0777) and it creates the PV `pvc-<uid>`: a DirectoryOrCreate hostPath pinned to the node.
 * A Released volume of its own with reclaim Delete has its folder removed, then the PV deleted.
 * The helper pods themselves are not drawn: their work and its few seconds are.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import { mkdirAll, nodeFilesOf, removeAll } from '../../fs/node-files';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
/** Where kind runs the provisioner (system/local-path.ts). */
const LOCAL_PATH_NAMESPACE = 'local-path-storage';
import { ANN_PROVISIONED_BY, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER } from './pv-controller';
import type { PV, PVC } from './volume-match';
import { storageClassOf } from '../../kinds/core/volume-access';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const LOCAL_PATH_ROOT = '/var/local-path-provisioner';
const ANN_LOCAL_SELECTED_NODE = 'local.path.provisioner/selected-node';
/** How long a helper pod takes to pull nothing (IfNotPresent), run its script and go. */
const HELPER_MS = 2_500;

export function localPathFolder(pvc: PVC): string {
  return `${LOCAL_PATH_ROOT}/pvc-${pvc.metadata.uid}_${pvc.metadata.namespace}_${pvc.metadata.name}`;
}

export class LocalPathProvisioner {
  readonly queue: WorkQueue;
  private readonly instance: string;
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.instance = ctx.rng.fork('local-path-provisioner').uuid();
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'local-path-provisioner');
    informers.for('persistentvolumeclaims').onChange((obj, _old, type) => {
      if (type !== 'DELETED') this.queue.add(`claim:${obj.metadata.namespace}/${obj.metadata.name}`);
    });
    informers.for('persistentvolumes').onChange((obj, _old, type) => {
      if (type !== 'DELETED') this.queue.add(`volume:${obj.metadata.name}`);
    });
    // The provisioner starts (or comes back): look at everything again.
    informers.for('pods').onChange((obj) => {
      if (obj.metadata.namespace === LOCAL_PATH_NAMESPACE && obj.metadata.labels?.app === 'local-path-provisioner') this.resync();
    });
  }

  private resync(): void {
    for (const c of this.informers.for('persistentvolumeclaims').list()) this.queue.add(`claim:${c.metadata.namespace}/${c.metadata.name}`);
    for (const v of this.informers.for('persistentvolumes').list()) this.queue.add(`volume:${v.metadata.name}`);
  }

  /** The running provisioner pod's name, if one runs. */
  private runningPod(): string | undefined {
    const pods = this.informers.for('pods').list(LOCAL_PATH_NAMESPACE) as (Pod & KObject)[];
    return pods.find((p) => p.metadata.labels?.app === 'local-path-provisioner' && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)?.metadata.name;
  }

  sync(key: string): void {
    const pod = this.runningPod();
    if (!pod || this.inFlight.has(key)) return;
    const rest = key.slice(key.indexOf(':') + 1);
    if (key.startsWith('volume:')) return this.syncVolume(rest);
    const [ns, name] = rest.split('/');
    const pvc = this.informers.for('persistentvolumeclaims').get(ns, name) as PVC | undefined;
    if (pvc) this.syncClaim(pvc, pod, key);
  }

  private syncClaim(pvc: PVC, pod: string, key: string): void {
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== LOCAL_PATH_PROVISIONER || pvc.spec?.volumeName || pvc.metadata.deletionTimestamp) return;
    const pvName = `pvc-${pvc.metadata.uid}`;
    if (this.informers.for('persistentvolumes').get(undefined, pvName)) return;
    const record = this.ctx.events.for({ component: `${LOCAL_PATH_PROVISIONER}_${pod}_${this.instance}` });
    record(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${pvc.metadata.namespace}/${pvc.metadata.name}"`);
    const className = storageClassOf(pvc);
    const sc = this.informers.for('storageclasses').get(undefined, className) as (StorageClass & KObject) | undefined;
    const node = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    if (!node) {
      record(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${className}": configuration error, no node was specified`);
      return this.queue.addAfter(key, 15_000);
    }
    this.inFlight.add(key);
    this.ctx.clock.after(HELPER_MS, () => {
      this.inFlight.delete(key);
      const now = this.ctx.clock.now();
      const folder = localPathFolder(pvc);
      const files = nodeFilesOf(this.ctx).of(node);
      mkdirAll(files, folder, now);
      const pv = {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: pvName, annotations: { [ANN_LOCAL_SELECTED_NODE]: node, [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER } },
        spec: {
          accessModes: pvc.spec?.accessModes,
          capacity: { storage: pvc.spec?.resources?.requests?.storage },
          claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid },
          hostPath: { path: folder, type: 'DirectoryOrCreate' },
          nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
          persistentVolumeReclaimPolicy: sc?.reclaimPolicy ?? 'Delete',
          storageClassName: className,
          volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
        },
      };
      try {
        this.ctx.api.create('persistentvolumes', undefined, pv as unknown as KObject);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        return;
      }
      record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`);
    }, 'local-path-provisioner');
  }

  private syncVolume(name: string): void {
    const pv = this.informers.for('persistentvolumes').get(undefined, name) as PV | undefined;
    if (!pv || pv.metadata.annotations?.[ANN_PROVISIONED_BY] !== LOCAL_PATH_PROVISIONER) return;
    if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete' || pv.metadata.deletionTimestamp) return;
    const key = `volume:${name}`;
    this.inFlight.add(key);
    this.ctx.clock.after(HELPER_MS, () => {
      this.inFlight.delete(key);
      const node = pv.metadata.annotations?.[ANN_LOCAL_SELECTED_NODE];
      const path = pv.spec?.hostPath?.path;
      if (node && path) removeAll(nodeFilesOf(this.ctx).of(node), path, this.ctx.clock.now());
      try {
        this.ctx.api.delete('persistentvolumes', undefined, name);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }, 'local-path-provisioner');
  }
}

export function startLocalPathProvisioner(ctx: SimContext, informers: SharedInformers): LocalPathProvisioner {
  return new LocalPathProvisioner(ctx, informers);
}
