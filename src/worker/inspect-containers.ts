/**
 * A pod's containers as the inspector shows them: state, readiness, restarts, the last
 * termination, and each probe with its most recent failure (from the kubelet's `Unhealthy`
 * events, which name the container in their fieldPath).
 */
import type { Container, ContainerState, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../sim/core/object';
import { describeProbe } from '../kubectl/describe/pod';

export type ProbeKind = 'Liveness' | 'Readiness' | 'Startup';

export interface ProbeView {
  kind: ProbeKind;
  /** As `describe` prints it: `exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3`. */
  handler: string;
  lastFailure?: { message: string; count: number; lastSeen: string };
}

export interface StateView {
  kind: 'running' | 'waiting' | 'terminated' | 'unknown';
  reason?: string;
  message?: string;
  exitCode?: number;
  /** RFC 3339: running since / finished at. */
  at?: string;
}

export interface ContainerView {
  name: string;
  image: string;
  role: 'init' | 'sidecar' | 'app';
  state: StateView;
  ready: boolean;
  started: boolean;
  restarts: number;
  lastState?: StateView;
  probes: ProbeView[];
}

interface EventLike {
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  involvedObject?: { uid?: string; fieldPath?: string };
}

/** `events`: the pod's namespace's Events (any order). */
export function inspectContainers(pod: Pod & KObject, events: readonly KObject[]): ContainerView[] {
  const failures = probeFailures(pod.metadata.uid ?? '', events as unknown as EventLike[]);
  const statuses = new Map<string, ContainerStatus>();
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) statuses.set(s.name, s);
  const view = (c: Container, role: ContainerView['role'], kind: 'initContainers' | 'containers'): ContainerView => {
    const st = statuses.get(c.name);
    const probes: ProbeView[] = [];
    for (const [k, probe] of [['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe], ['Startup', c.startupProbe]] as const) {
      if (!probe) continue;
      const lastFailure = failures.get(`spec.${kind}{${c.name}}/${k}`);
      probes.push({ kind: k, handler: describeProbe(probe), ...(lastFailure ? { lastFailure } : {}) });
    }
    const last = st?.lastState && stateView(st.lastState);
    return {
      name: c.name,
      image: c.image ?? '',
      role,
      state: stateView(st?.state),
      ready: st?.ready === true,
      started: st?.started === true,
      restarts: st?.restartCount ?? 0,
      ...(last && last.kind !== 'unknown' ? { lastState: last } : {}),
      probes,
    };
  };
  return [
    ...(pod.spec?.initContainers ?? []).map((c) => view(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', 'initContainers')),
    ...(pod.spec?.containers ?? []).map((c) => view(c, 'app', 'containers')),
  ];
}

function stateView(state: ContainerState | undefined): StateView {
  if (state?.running) return { kind: 'running', at: state.running.startedAt };
  if (state?.waiting) return { kind: 'waiting', reason: state.waiting.reason, message: state.waiting.message };
  if (state?.terminated) {
    const t = state.terminated;
    return { kind: 'terminated', reason: t.reason, message: t.message, exitCode: t.exitCode, at: t.finishedAt };
  }
  return { kind: 'unknown' };
}

/** The latest `Unhealthy` event per container and probe kind ("Liveness probe failed: …"). */
function probeFailures(uid: string, events: readonly EventLike[]): Map<string, NonNullable<ProbeView['lastFailure']>> {
  const out = new Map<string, NonNullable<ProbeView['lastFailure']>>();
  for (const e of events) {
    if (e.reason !== 'Unhealthy' || e.involvedObject?.uid !== uid) continue;
    const kind = /^(Liveness|Readiness|Startup) probe/.exec(e.message ?? '')?.[1];
    if (!kind) continue;
    const key = `${e.involvedObject.fieldPath ?? ''}/${kind}`;
    const prev = out.get(key);
    const lastSeen = e.lastTimestamp ?? '';
    if (prev && prev.lastSeen >= lastSeen) continue;
    out.set(key, { message: e.message ?? '', count: e.count ?? 1, lastSeen });
  }
  return out;
}
