/**
 * The persistent volume controller (pkg/controller/volume/persistentvolume, pv_controller.go):
 * binds claims to volumes by the real rules (./volume-match.ts), asks an external provisioner
 * for a new volume when none fits and the class names one (Immediate classes at once,
 * WaitForFirstConsumer classes once the scheduler picked a node), keeps phases in step
 * (Pending/Available/Bound/Released/Failed, Pending/Bound/Lost), and reclaims a volume whose
 * claim is gone: Retain leaves it Released; Delete removes it (a provisioned one through its
 * provisioner). Resyncs every 15 s as the real one does.
 */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import { findMatchingVolume, isBoundToClaim, type PV, type PVC } from './volume-match';
import { storageClassOf } from '../../kinds/core/volume-access';
import { provisionerFor } from './in-tree-provisioners';

const CONTROLLER = 'persistentvolume-controller';
const RESYNC_MS = 15_000;

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

export class PersistentVolumeController {
  readonly queue: WorkQueue;
  private readonly record;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.record = ctx.events.for({ component: CONTROLLER });
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), CONTROLLER);
    const claims = informers.for('persistentvolumeclaims');
    const volumes = informers.for('persistentvolumes');
    claims.onChange((obj, _old, type) => {
      if (type === 'DELETED') this.claimGone(obj as PVC);
      else this.queue.add(claimKey(obj));
    });
    volumes.onChange((obj, _old, type) => {
      if (type === 'DELETED') {
        const ref = (obj as PV).spec?.claimRef;
        if (ref) this.queue.add(`claim:${ref.namespace}/${ref.name}`);
        return;
      }
      this.queue.add(`volume:${obj.metadata.name}`);
    });
    // A new class may let waiting claims provision.
    informers.for('storageclasses').onChange(() => this.resync());
    for (const c of claims.list()) this.queue.add(claimKey(c));
    for (const v of volumes.list()) this.queue.add(`volume:${v.metadata.name}`);
  }

  private resync(): void {
    for (const c of this.informers.for('persistentvolumeclaims').list()) this.queue.add(claimKey(c));
    for (const v of this.informers.for('persistentvolumes').list()) this.queue.add(`volume:${v.metadata.name}`);
  }

  sync(key: string): void {
    const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'volume') return this.syncVolume(rest);
    const [ns, name] = rest.split('/');
    const pvc = this.informers.for('persistentvolumeclaims').get(ns, name) as PVC | undefined;
    if (pvc) this.syncClaim(pvc);
  }

  // ---- claims ----

  private syncClaim(pvc: PVC): void {
    const phase = pvc.status?.phase;
    if (!pvc.spec?.volumeName || (phase !== 'Bound' && phase !== 'Lost')) return this.syncUnboundClaim(pvc);
    const pv = this.volume(pvc.spec.volumeName);
    if (!pv) {
      if (phase !== 'Lost') {
        this.writeClaimStatus(pvc, { ...pvc.status, phase: 'Lost' });
        this.record(pvc, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      }
      return;
    }
    if (!isBoundToClaim(pv, pvc) || pv.status?.phase !== 'Bound') this.bind(pv, pvc);
    else if (phase === 'Lost') this.writeClaimStatus(pvc, { ...pvc.status, phase: 'Bound' });
  }

  private syncUnboundClaim(pvc: PVC): void {
    if (pvc.metadata.deletionTimestamp) return;
    const volumes = this.informers.for('persistentvolumes').list() as PV[];
    if (pvc.spec?.volumeName) {
      // The user asked for one volume by name.
      const pv = this.volume(pvc.spec.volumeName);
      if (!pv) return this.pending(pvc);
      if (pv.spec?.claimRef && !isBoundToClaim(pv, pvc)) {
        this.record(pvc, 'Warning', 'FailedBinding', 'volume "' + pv.metadata.name + '" already bound to a different claim.');
        return this.pending(pvc);
      }
      return this.bind(pv, pvc);
    }
    const className = storageClassOf(pvc);
    const sc = className ? (this.informers.for('storageclasses').get(undefined, className) as (StorageClass & KObject) | undefined) : undefined;
    const delayBinding = sc?.volumeBindingMode === 'WaitForFirstConsumer';
    const match = findMatchingVolume(pvc, volumes, undefined, delayBinding);
    if (match) return this.bind(match, pvc);
    this.pending(pvc);
    if (!className) {
      this.record(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      return this.queue.addAfter(claimKey(pvc), RESYNC_MS);
    }
    if (!sc) {
      this.record(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return this.queue.addAfter(claimKey(pvc), RESYNC_MS);
    }
    if (delayBinding && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) {
      this.record(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return this.queue.addAfter(claimKey(pvc), RESYNC_MS);
    }
    this.provision(pvc, sc);
  }

  /** Hands the claim to the class's external provisioner (annotations it watches for). */
  private provision(pvc: PVC, sc: StorageClass & KObject): void {
    const provisioner = provisionerFor(sc.provisioner);
    if ('error' in provisioner) {
      this.record(pvc, 'Warning', 'ProvisioningFailed', provisioner.error);
      return this.queue.addAfter(claimKey(pvc), RESYNC_MS);
    }
    const name = provisioner.name;
    const annotations = pvc.metadata.annotations ?? {};
    if (annotations[ANN_STORAGE_PROVISIONER] !== name) {
      const updated = { ...pvc, metadata: { ...pvc.metadata, annotations: { ...annotations, [ANN_BETA_STORAGE_PROVISIONER]: name, [ANN_STORAGE_PROVISIONER]: name } } };
      if (!this.write(() => this.ctx.api.update('persistentvolumeclaims', pvc.metadata.namespace, updated))) return;
    }
    this.record(pvc, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${name}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
    this.queue.addAfter(claimKey(pvc), RESYNC_MS);
  }

  private pending(pvc: PVC): void {
    if (pvc.status?.phase !== 'Pending') this.writeClaimStatus(pvc, { ...pvc.status, phase: 'Pending' });
  }

  /** bind: the volume first (claimRef), then the claim (volumeName), then both statuses. */
  private bind(pv: PV, pvc: PVC): void {
    const bound = this.bindVolume(pv, pvc);
    if (!bound) return;
    let claim = pvc;
    const annotations = { ...(pvc.metadata.annotations ?? {}) };
    const byController = pvc.spec?.volumeName !== pv.metadata.name;
    if (byController || annotations[ANN_BIND_COMPLETED] !== 'yes') {
      annotations[ANN_BIND_COMPLETED] = 'yes';
      if (byController) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      const updated = { ...pvc, metadata: { ...pvc.metadata, annotations }, spec: { ...pvc.spec, volumeName: pv.metadata.name } };
      const written = this.write(() => this.ctx.api.update('persistentvolumeclaims', pvc.metadata.namespace, updated));
      if (!written) return;
      claim = written as PVC;
    }
    this.writeClaimStatus(claim, { ...claim.status, phase: 'Bound', accessModes: bound.spec?.accessModes, capacity: { ...(bound.spec?.capacity ?? {}) } });
  }

  private bindVolume(pv: PV, pvc: PVC): PV | undefined {
    let volume = pv;
    const ref = pv.spec?.claimRef;
    if (!ref || ref.uid !== pvc.metadata.uid || ref.name !== pvc.metadata.name) {
      const annotations = { ...(pv.metadata.annotations ?? {}) };
      if (!ref) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      const claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
      const updated = { ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...pv.spec, claimRef } };
      const written = this.write(() => this.ctx.api.update('persistentvolumes', undefined, updated));
      if (!written) return undefined;
      volume = written as PV;
    }
    if (volume.status?.phase !== 'Bound') this.writeVolumeStatus(volume, 'Bound');
    return volume;
  }

  private claimGone(pvc: PVC): void {
    if (pvc.spec?.volumeName) this.queue.add(`volume:${pvc.spec.volumeName}`);
  }

  // ---- volumes ----

  private syncVolume(name: string): void {
    // A volume being deleted is still synced: it must turn Released for pv-protection to let it go.
    const pv = this.volume(name);
    if (!pv) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      if (pv.status?.phase !== 'Available') this.writeVolumeStatus(pv, 'Available');
      return;
    }
    const pvc = this.informers.for('persistentvolumeclaims').get(ref.namespace, ref.name!) as PVC | undefined;
    if (!ref.uid) {
      // Pre-bound by the user to a claim that may not exist yet.
      if (pv.status?.phase !== 'Available') this.writeVolumeStatus(pv, 'Available');
      if (pvc) this.queue.add(claimKey(pvc));
      return;
    }
    if (pvc && pvc.metadata.uid === ref.uid) {
      if (!pvc.spec?.volumeName || pvc.status?.phase !== 'Bound') this.queue.add(claimKey(pvc));
      else if (pv.status?.phase !== 'Bound') this.writeVolumeStatus(pv, 'Bound');
      return;
    }
    // The claim is gone: the volume is released, then reclaimed by its policy.
    if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') {
      const written = this.writeVolumeStatus(pv, 'Released');
      if (!written) return;
      return this.reclaim(written as PV);
    }
    if (pv.status?.phase === 'Released') this.reclaim(pv);
  }

  private reclaim(pv: PV): void {
    const policy = pv.spec?.persistentVolumeReclaimPolicy;
    if (policy !== 'Delete') return;
    // A provisioned volume is deleted by its provisioner (it removes the data too).
    if (pv.metadata.annotations?.[ANN_PROVISIONED_BY]) return;
    const path = pv.spec?.hostPath?.path;
    if (pv.spec?.hostPath && path && /^\/tmp\/.+/.test(path)) {
      this.write(() => this.ctx.api.delete('persistentvolumes', undefined, pv.metadata.name!));
      return;
    }
    const message = pv.spec?.hostPath ? `host_path deleter only supports /tmp/.+ but received provided ${path}` : `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`;
    this.writeVolumeStatus(pv, 'Failed', message);
    this.record(pv, 'Warning', 'VolumeFailedDelete', message);
  }

  // ---- writes ----

  private volume(name: string): PV | undefined {
    return this.informers.for('persistentvolumes').get(undefined, name) as PV | undefined;
  }

  private writeVolumeStatus(pv: PV, phase: string, message?: string): KObject | undefined {
    const status: Record<string, unknown> = { phase, lastPhaseTransitionTime: this.ctx.clock.timestamp() };
    if (message) status.message = message;
    return this.write(() => this.ctx.api.updateStatus('persistentvolumes', undefined, { ...pv, status } as KObject));
  }

  private writeClaimStatus(pvc: PVC, status: PVC['status']): KObject | undefined {
    return this.write(() => this.ctx.api.updateStatus('persistentvolumeclaims', pvc.metadata.namespace, { ...pvc, status } as KObject));
  }

  /** A write that lost a race (gone, conflict) is retried by the next event or resync. */
  private write(fn: () => KObject): KObject | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof StatusError) return undefined;
      throw e;
    }
  }
}

function claimKey(obj: KObject): string {
  return `claim:${obj.metadata.namespace}/${obj.metadata.name}`;
}

export function startPersistentVolumeController(ctx: SimContext, informers: SharedInformers): PersistentVolumeController {
  return new PersistentVolumeController(ctx, informers);
}
