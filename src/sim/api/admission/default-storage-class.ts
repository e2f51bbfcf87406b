/**
 * DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault): a new claim that
 * names no class (`storageClassName` absent, not `""`, and no beta class annotation) gets the
 * cluster's default class.
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Store } from '../../core/store';
import { defaultClass } from '../../kinds/storage/storageclass';
import { claimNamesClass } from '../../kinds/core/volume-access';
import type { AdmissionPlugin } from './plugin';

export function defaultStorageClass(store: Store): AdmissionPlugin {
  return {
    name: 'DefaultStorageClass',
    admit(request) {
      if (request.resource.plural !== 'persistentvolumeclaims') return;
      const pvc = request.object as PersistentVolumeClaim;
      if (claimNamesClass(pvc)) return;
      const sc = defaultClass(store.list('storageclasses'));
      if (sc && pvc.spec) pvc.spec.storageClassName = sc.metadata.name;
    },
  };
}
