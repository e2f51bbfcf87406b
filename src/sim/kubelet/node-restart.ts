/**
 * What a kubelet does when its node container starts again (kind: `docker start kind-worker2`):
 * it posts every condition healthy again (they were Unknown while it was away), and each pod it
 * ran gets a new sandbox — its containers start again with their restart count one higher and
 * the killed instance as `lastState` (exit code 255, reason Unknown, as after a node reboot).
 */
import type { SimContext } from '../context';
import type { KObject } from '../core/object';
import { nodeConditions } from './node-object';
import type { ContainerView, PodView, TerminatedState } from './pod-status';

type RecordEvent = (obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string) => void;

/**
 * What a starting kubelet says on its Node (kubelet.go, nodestatus setters): `Starting kubelet.`,
 * each condition it now posts, the allocatable enforcement, then `NodeReady`.
 */
export function recordKubeletStart(record: RecordEvent, posted: KObject): void {
  const name = posted.metadata.name!;
  // The kubelet's nodeRef names the Node with its name for uid (kubelet.go).
  const node: KObject = { ...posted, metadata: { ...posted.metadata, uid: name } };
  record(node, 'Normal', 'Starting', 'Starting kubelet.');
  for (const reason of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) record(node, 'Normal', reason, `Node ${name} status is now: ${reason}`);
  record(node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  record(node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`);
}

/** The Node as the restarted kubelet posts it: every condition fresh (`KubeletReady`, …). */
export function postReady(ctx: SimContext, node: KObject, now: string): void {
  const status = (node.status ?? {}) as { conditions?: Array<Record<string, string>> };
  const previous = new Map((status.conditions ?? []).map((c) => [c.type, c]));
  const conditions = nodeConditions(now).map((c) => {
    const before = previous.get(c.type);
    // A condition keeps its transition time while its status stays the same.
    return before && before.status === c.status ? { ...c, lastTransitionTime: before.lastTransitionTime } : c;
  });
  const others = (status.conditions ?? []).filter((c) => !conditions.some((n) => n.type === c.type));
  ctx.api.updateStatus('nodes', undefined, { ...node, status: { ...status, conditions: [...others, ...conditions] } });
}

type PreviousStatus = { startTime?: string; containerStatuses?: Array<Record<string, any>> } | undefined;

/** Whether any of the pod's containers had run (a sandbox was lost: `SandboxChanged`). */
export function hadRun(pod: KObject): boolean {
  return ((pod.status as PreviousStatus)?.containerStatuses ?? []).some((s) => !!s.containerID);
}

/**
 * The view of a pod whose sandbox died with its node: the same start time, and each container
 * that had run counts a restart and shows the dead instance as lastState.
 */
export function resumeView(view: PodView, pod: KObject, now: string): void {
  const previous = pod.status as PreviousStatus;
  if (previous?.startTime) view.startTime = previous.startTime;
  for (const c of view.containers) carryRestart(c, previous?.containerStatuses?.find((s) => s.name === c.name), now);
}

function carryRestart(view: ContainerView, before: Record<string, any> | undefined, now: string): void {
  if (!before?.containerID) return;
  const startedAt: string = before.state?.running?.startedAt ?? before.state?.terminated?.startedAt ?? now;
  const last: TerminatedState = { exitCode: 255, reason: 'Unknown', startedAt, finishedAt: before.state?.terminated?.finishedAt ?? now, containerID: before.containerID };
  view.restartCount = (before.restartCount ?? 0) + 1;
  view.lastState = last;
}
