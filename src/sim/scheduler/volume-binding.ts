/**
 * The VolumeBinding plugin (pkg/scheduler/framework/plugins/volumebinding): a pod's claims must
 * exist (`persistentvolumeclaim "x" not found`) and be bound unless their class waits for the
 * first consumer (`pod has unbound immediate PersistentVolumeClaims`); a bound claim's volume
 * must fit the node (`volume node affinity conflict`); an unbound WaitForFirstConsumer claim
 * needs a volume that fits or a provisioner. On the chosen node, PreBind binds a matching
 * static volume or hands the claim to its provisioner (`volume.kubernetes.io/selected-node`),
 * and the pod is bound only once every claim is.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ApiServer } from '../api/apiserver';
import type { KObject } from '../core/object';
import type { Informer } from '../informers/informer';
import type { SharedInformers } from '../informers/shared-informers';
import { ANN_SELECTED_NODE } from '../controllers/persistentvolume/pv-controller';
import { findMatchingVolume, volumeFitsNode, type PV, type PVC } from '../controllers/persistentvolume/volume-match';
import { storageClassOf } from '../kinds/core/volume-access';

export const MSG_VOLUME_CONFLICT = 'node(s) had volume node affinity conflict';
export const MSG_NO_VOLUME = "node(s) didn't find available persistent volumes to bind";
export const MSG_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

export interface PodClaims {
  bound: PVC[];
  /** WaitForFirstConsumer claims still to bind. */
  delayed: PVC[];
  /** A claim handed to its provisioner on a node, not yet bound: the pod waits. */
  provisioning: boolean;
}

export class VolumeBinding {
  private readonly claims: Informer;
  private readonly volumes: Informer;
  private readonly classes: Informer;

  constructor(informers: SharedInformers) {
    this.claims = informers.for('persistentvolumeclaims');
    this.volumes = informers.for('persistentvolumes');
    this.classes = informers.for('storageclasses');
  }

  static uses(pod: Pod): boolean {
    return (pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim);
  }

  /** PreFilter: the pod's claims, or the unresolvable reason it cannot run anywhere. */
  preFilter(pod: Pod): PodClaims | string {
    const ns = pod.metadata?.namespace;
    const out: PodClaims = { bound: [], delayed: [], provisioning: false };
    for (const v of pod.spec?.volumes ?? []) {
      const name = v.persistentVolumeClaim?.claimName;
      if (!name) continue;
      const pvc = this.claims.get(ns, name) as PVC | undefined;
      if (!pvc) return `persistentvolumeclaim "${name}" not found`;
      if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
      if (pvc.spec?.volumeName && pvc.status?.phase === 'Bound') {
        out.bound.push(pvc);
        continue;
      }
      const sc = this.classes.get(undefined, storageClassOf(pvc)) as (StorageClass & KObject) | undefined;
      if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') return MSG_UNBOUND_IMMEDIATE;
      if (pvc.metadata.annotations?.[ANN_SELECTED_NODE]) out.provisioning = true;
      out.delayed.push(pvc);
    }
    return out;
  }

  /** Filter: '' when the node can serve every claim. */
  filter(claims: PodClaims, node: Node): string {
    for (const pvc of claims.bound) {
      const pv = this.volumes.get(undefined, pvc.spec!.volumeName!) as PV | undefined;
      if (!pv) return `pvc(s) bound to non-existent pv(s)`;
      if (!volumeFitsNode(pv, node)) return MSG_VOLUME_CONFLICT;
    }
    for (const pvc of claims.delayed) {
      const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
      if (selected && selected !== node.metadata?.name) return MSG_VOLUME_CONFLICT;
      if (findMatchingVolume(pvc, this.volumes.list() as PV[], node, true)) continue;
      const sc = this.classes.get(undefined, storageClassOf(pvc)) as (StorageClass & KObject) | undefined;
      if (!sc?.provisioner || sc.provisioner === 'kubernetes.io/no-provisioner') return MSG_NO_VOLUME;
    }
    return '';
  }

  /** PreBind on `node`: true when every claim is bound and the pod may be bound now. */
  preBind(api: ApiServer, claims: PodClaims, node: Node): boolean {
    const volumes = this.volumes.list() as PV[];
    for (const pvc of claims.delayed) {
      if (pvc.metadata.annotations?.[ANN_SELECTED_NODE]) continue;
      const pv = findMatchingVolume(pvc, volumes, node, true);
      try {
        if (pv) {
          const claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
          api.update('persistentvolumes', undefined, { ...pv, metadata: { ...pv.metadata, annotations: { ...pv.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' } }, spec: { ...pv.spec, claimRef } } as KObject);
        } else {
          api.update('persistentvolumeclaims', pvc.metadata.namespace, { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, [ANN_SELECTED_NODE]: node.metadata!.name! } } } as KObject);
        }
      } catch {
        // Changed meanwhile: the next attempt sees the new state.
      }
    }
    return claims.delayed.length === 0;
  }
}
