/**
 * The annotations a Deployment's rollout writes on its ReplicaSets and reads back (deploymentutil's
 * constants), and the revision they carry. The Deployment controller writes them; `kubectl rollout`
 * and `kubectl set` read and write them too.
 */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** `Revision(rs)`: the revision annotation as a number, 0 when absent or malformed. */
export function revisionOf(rs: { metadata: { annotations?: Record<string, string> } }): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  return Number(v);
}
