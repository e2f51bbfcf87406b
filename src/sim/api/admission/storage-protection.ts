/**
 * StorageObjectInUseProtection (plugin/pkg/admission/storage/storageobjectinuseprotection):
 * every new claim and volume carries the protection finalizer, so deleting one that a pod
 * still uses (a claim) or that is still bound (a volume) leaves it `Terminating` until the
 * protection controllers let it go.
 */
import type { AdmissionPlugin } from './plugin';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

export function storageObjectInUseProtection(): AdmissionPlugin {
  return {
    name: 'StorageObjectInUseProtection',
    admit(request) {
      const plural = request.resource.plural;
      const finalizer = plural === 'persistentvolumeclaims' ? PVC_PROTECTION_FINALIZER : plural === 'persistentvolumes' ? PV_PROTECTION_FINALIZER : undefined;
      if (!finalizer) return;
      const meta = request.object.metadata;
      if (!(meta.finalizers ?? []).includes(finalizer)) meta.finalizers = [...(meta.finalizers ?? []), finalizer];
    },
  };
}
