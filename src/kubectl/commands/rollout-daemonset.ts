/** `kubectl rollout` for DaemonSets: kubectl's DaemonSetStatusViewer (rollout_status.go), DaemonSetHistoryViewer (history.go) and DaemonSetRollbacker (rollback.go). */
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { sameJson } from '../../sim/core/json-equal';
import type { KObject } from '../../sim/core/object';
import { CliError } from '../errors';

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

/**
 * DaemonSetRollbacker: the template of revision `toRevision` (0: the one before the newest),
 * or `skipped` when the DaemonSet already runs it. Errors are kubectl's.
 */
export function daemonSetRollback(ds: KObject, revisions: readonly KObject[], toRevision: number): { template: PodTemplateSpec } | { skipped: number } {
  if (toRevision < 0) throw new CliError(`unable to find specified revision ${toRevision} in history`);
  const history = daemonSetRevisions(ds, revisions);
  if (toRevision === 0 && history.size <= 1) throw new CliError('no last revision to roll back to');
  const numbers = [...history.keys()].sort((a, b) => a - b);
  const wanted = toRevision === 0 ? numbers[numbers.length - 2] : toRevision;
  const target = history.get(wanted);
  if (!target) throw new CliError(`unable to find specified revision ${toRevision} in history`);
  const template = target.spec?.template ?? {};
  const current = (ds as DaemonSet & KObject).spec?.template;
  if (sameJson(template, current)) return { skipped: wanted };
  return { template };
}
