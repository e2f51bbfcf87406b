/**
 * PersistentVolumeClaimResize (plugin/pkg/admission/storage/persistentvolume/resize): a claim's
 * storage request may grow only when it is bound and its StorageClass sets
 * `allowVolumeExpansion: true` (a claim without a class cannot grow: a static volume has
 * nobody to resize it). It runs after validation, so a shrink or another spec change gets the
 * validation message first.
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Store } from '../../core/store';
import { storageBytes, storageClassOf } from '../../kinds/core/volume-access';
import { forbidden } from '../errors';
import type { AdmissionPlugin } from './plugin';

export function persistentVolumeClaimResize(store: Store): AdmissionPlugin {
  return {
    name: 'PersistentVolumeClaimResize',
    validateUpdate(resource, object, old) {
      if (resource.plural !== 'persistentvolumeclaims') return;
      const pvc = object as PersistentVolumeClaim;
      const oldPvc = old as PersistentVolumeClaim;
      if (storageBytes(pvc.spec?.resources?.requests) <= storageBytes(oldPvc.spec?.resources?.requests)) return;
      const name = old.metadata.name!;
      if (oldPvc.status?.phase !== 'Bound') throw forbidden(resource.plural, '', name, 'Only bound persistent volume claims can be expanded');
      if (!allowResize(store, pvc, oldPvc)) {
        throw forbidden(resource.plural, '', name, 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
      }
    },
  };
}

function allowResize(store: Store, pvc: PersistentVolumeClaim, oldPvc: PersistentVolumeClaim): boolean {
  const className = storageClassOf(pvc);
  if (!className || className !== storageClassOf(oldPvc)) return false;
  const sc = store.get('storageclasses', undefined, className) as StorageClass | undefined;
  return sc?.allowVolumeExpansion === true;
}
