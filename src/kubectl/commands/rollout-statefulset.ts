/** `kubectl rollout status` for StatefulSets: kubectl's StatefulSetStatusViewer (rollout_status.go). */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../sim/core/object';

export function statefulSetStatus(obj: KObject): { message: string; done: boolean; error?: string } {
  const sts = obj as StatefulSet & KObject;
  const spec = sts.spec;
  if (spec?.updateStrategy?.type !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = sts.status;
  const observed = st?.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata.generation ?? 0) > observed) return { message: 'Waiting for statefulset spec update to be observed...', done: false };
  const replicas = spec.replicas;
  const ready = st?.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...`, done: false };
  const updated = st?.updatedReplicas ?? 0;
  const ru = spec.updateStrategy.rollingUpdate;
  if (ru) {
    if (replicas !== undefined && ru.partition !== undefined && ru.partition !== null && updated < replicas - ru.partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - ru.partition} new pods have been updated...`, done: false };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true };
  }
  if (st?.updateRevision !== st?.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st?.updateRevision ?? ''}...`, done: false };
  }
  return { message: `statefulset rolling update complete ${st?.currentReplicas ?? 0} pods at revision ${st?.currentRevision ?? ''}...`, done: true };
}
