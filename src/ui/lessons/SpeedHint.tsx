/**
 * While a step's checks wait on the cluster (pods starting, terminating, getting ready) and
 * virtual time runs slowly or not at all, suggest making it faster. A suggestion, not an
 * automatic change: the learner may have paused on purpose (to Step through the chain), and a
 * clock that changes speed by itself would be hard to follow.
 */
import type { KObject } from '../../sim/core/object';
import type { Command, Speed } from '../../worker/protocol';
import { objectsOf } from '../mirror';
import { useApp } from '../store';

export const HINT_SPEED: Speed = 10;

/** States that do not end by waiting: no use speeding time up for them. */
const STUCK = new Set(['ImagePullBackOff', 'ErrImagePull', 'CrashLoopBackOff', 'InvalidImageName', 'CreateContainerConfigError']);

/** A pod whose state is still changing as virtual time passes. */
export function settling(pod: KObject): boolean {
  const status = (pod.status ?? {}) as { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { state?: { waiting?: { reason?: string } } }[] };
  if (status.containerStatuses?.some((c) => STUCK.has(c.state?.waiting?.reason ?? ''))) return false;
  if (pod.metadata.deletionTimestamp) return true;
  if (status.phase === 'Pending') return true;
  return status.phase === 'Running' && !status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

// Recomputed only when the pods change (the store changes far more often).
const settlingByPods = new WeakMap<object, boolean>();
function anySettling(pods: ReturnType<typeof objectsOf>): boolean {
  let answer = settlingByPods.get(pods);
  if (answer === undefined) settlingByPods.set(pods, (answer = [...pods.values()].some(settling)));
  return answer;
}

export function SpeedHint({ send }: { send: (command: Command) => void }) {
  const paused = useApp((s) => s.clock.paused);
  const speed = useApp((s) => s.clock.speed);
  const waiting = useApp((s) => anySettling(objectsOf(s.mirror, 'pods')));
  if (!waiting || (!paused && speed >= HINT_SPEED)) return null;
  return (
    <p className="kp-lessons__waiting" role="status">
      {paused ? (
        <>
          <span>The cluster is paused: the checks wait for time to pass.</span>
          <button type="button" className="kp-lessons-btn kp-lessons-btn--small" onClick={() => send({ kind: 'clock', action: 'play' })}>
            ▶ Play
          </button>
        </>
      ) : (
        <>
          <span>Waiting for the cluster…</span>
          <button type="button" className="kp-lessons-btn kp-lessons-btn--small" onClick={() => send({ kind: 'speed', speed: HINT_SPEED })}>
            Speed up ×{HINT_SPEED}
          </button>
        </>
      )}
    </p>
  );
}
