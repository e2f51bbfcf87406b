/** kubectl's DaemonSetStatusViewer (polymorphichelpers/rollout_status.go): what `rollout status ds/x` prints. */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../sim/core/object';

export function daemonSetStatus(obj: KObject): { message: string; done: boolean; error?: string } {
  const ds = obj as DaemonSet & KObject;
  const name = ds.metadata.name;
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = ds.status;
  if ((ds.metadata.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0;
    const updated = st?.updatedNumberScheduled ?? 0;
    if (updated < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`, done: false };
    const available = st?.numberAvailable ?? 0;
    if (available < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`, done: false };
    return { message: `daemon set "${name}" successfully rolled out`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...', done: false };
}
