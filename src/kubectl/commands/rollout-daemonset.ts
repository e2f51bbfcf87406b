/** `kubectl rollout` for DaemonSets: kubectl's DaemonSetStatusViewer (rollout_status.go) and DaemonSetHistoryViewer (history.go). */
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
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

/**
 * DaemonSetHistoryViewer: the DaemonSet's ControllerRevisions by revision number, each as the
 * DaemonSet with that revision's template applied (`applyDaemonSetHistory`), carrying the
 * revision's annotations (its change-cause).
 */
export function daemonSetRevisions(ds: KObject, revisions: readonly KObject[]): Map<number, KObject & { spec?: { template?: PodTemplateSpec } }> {
  const out = new Map<number, KObject & { spec?: { template?: PodTemplateSpec } }>();
  for (const r of revisions) {
    if (!(r.metadata.ownerReferences ?? []).some((ref) => ref.controller && ref.uid === ds.metadata.uid)) continue;
    const rev = r as ControllerRevision & KObject;
    const data = rev.data as { spec?: { template?: PodTemplateSpec & { $patch?: string } } } | undefined;
    const { $patch: _replace, ...template } = data?.spec?.template ?? {};
    const metadata = { ...ds.metadata, annotations: { ...(rev.metadata.annotations ?? {}) } };
    out.set(rev.revision ?? 0, { ...ds, metadata, spec: { ...(ds.spec as object), template } });
  }
  return out;
}
