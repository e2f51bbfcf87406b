/**
 * Builds a pod's status the way the kubelet's status manager does: container statuses from
 * the runtime's view, the phase (kubelet getPhase), conditions in kubelet order with their
 * reasons and messages, IPs, startTime and QoS class.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { qosClass } from '../kinds/core/qos';
import { setCondition, type PodCondition } from '../scheduler/binding';
import { anyRegularStarted, podPhase } from './lifecycle/phase';

export { podPhase };

export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | { terminated: TerminatedState };

export interface TerminatedState {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: string;
  finishedAt: string;
  containerID?: string;
  signal?: number;
}

/** What the kubelet knows about one container. */
export interface ContainerView {
  name: string;
  /** The image as written in the spec, until it has been resolved. */
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerState;
  lastState?: TerminatedState;
  ready: boolean;
  restartCount: number;
  started: boolean;
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean; recursiveReadOnly?: string }>;
}

export interface PodView {
  sandboxReady: boolean;
  hostIP: string;
  podIP?: string;
  startTime?: string;
  initContainers: ContainerView[];
  containers: ContainerView[];
  /** The pod is being torn down for good (deleted): its phase becomes terminal. */
  terminal: boolean;
  /** Set when the kubelet rejected or failed the pod itself (e.g. OutOfcpu). */
  reason?: string;
  message?: string;
  forcedPhase?: 'Failed' | 'Succeeded';
}

export function containerStatus(c: ContainerView): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (c.containerID) out.containerID = c.containerID;
  out.image = c.image;
  out.imageID = c.imageID;
  out.lastState = c.lastState ? { terminated: c.lastState } : {};
  out.name = c.name;
  out.ready = c.ready;
  out.restartCount = c.restartCount;
  out.started = c.started;
  out.state = c.state;
  if (c.volumeMounts?.length) out.volumeMounts = c.volumeMounts;
  return out;
}

/** The full status to write, keeping transition times of unchanged conditions. */
export function buildPodStatus(pod: Pod, view: PodView, now: string): Record<string, unknown> {
  const old = (pod.status ?? {}) as { conditions?: PodCondition[]; qosClass?: string };
  const phase = podPhase(pod, view);
  const terminalPhase = phase === 'Succeeded' || phase === 'Failed';
  const initSpecs = pod.spec?.initContainers ?? [];
  const incompleteInit: string[] = [];
  for (let i = 0; i < initSpecs.length; i++) {
    const s = view.initContainers[i];
    const incomplete = !s || (initSpecs[i].restartPolicy === 'Always' ? !s.started : !('terminated' in s.state && s.state.terminated.exitCode === 0));
    if (incomplete) incompleteInit.push(initSpecs[i].name);
  }
  // Sidecars count for readiness, ahead of the regular containers (status.GenerateContainersReadyCondition).
  const unready: string[] = [];
  initSpecs.forEach((c, i) => {
    if (c.restartPolicy === 'Always' && !view.initContainers[i]?.ready) unready.push(c.name);
  });
  for (const c of view.containers) if (!c.ready) unready.push(c.name);
  const initialized = incompleteInit.length === 0 || anyRegularStarted(view.containers) || phase === 'Succeeded';
  const containersReady = unready.length === 0 && view.containers.length > 0;
  const failedGate = firstUnmetGate(pod, old.conditions);
  const unreadyMsg = `containers with unready status: [${unready.join(' ')}]`;

  let conditions = old.conditions ?? [];
  conditions = setCondition(conditions, condition(now, 'PodReadyToStartContainers', view.sandboxReady && !terminalPhase));
  // A pod that Succeeded is initialized for good: reason PodCompleted (status.GeneratePodInitializedCondition).
  const initializedTrue = phase === 'Succeeded' ? condition(now, 'Initialized', true, 'PodCompleted') : condition(now, 'Initialized', true);
  conditions = setCondition(conditions, initialized ? initializedTrue : condition(now, 'Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit.join(' ')}]`));
  let ready: PodCondition;
  if (terminalPhase) ready = condition(now, 'Ready', false, 'PodCompleted');
  else if (!containersReady) ready = condition(now, 'Ready', false, 'ContainersNotReady', unreadyMsg);
  else if (failedGate !== undefined) ready = condition(now, 'Ready', false, 'ReadinessGatesNotReady', `corresponding condition of pod readiness gate "${failedGate}" does not exist.`);
  else ready = condition(now, 'Ready', true);
  conditions = setCondition(conditions, ready);
  let containersReadyCond: PodCondition;
  if (terminalPhase) containersReadyCond = condition(now, 'ContainersReady', false, 'PodCompleted');
  else if (containersReady) containersReadyCond = condition(now, 'ContainersReady', true);
  else containersReadyCond = condition(now, 'ContainersReady', false, 'ContainersNotReady', unreadyMsg);
  conditions = setCondition(conditions, containersReadyCond);
  conditions = setCondition(conditions, condition(now, 'PodScheduled', true));
  conditions = orderConditions(conditions);

  const status: Record<string, unknown> = { conditions };
  if (view.initContainers.length) status.initContainerStatuses = view.initContainers.map(containerStatus);
  status.containerStatuses = view.containers.map(containerStatus);
  status.hostIP = view.hostIP;
  status.hostIPs = [{ ip: view.hostIP }];
  if (view.reason) status.reason = view.reason;
  if (view.message) status.message = view.message;
  status.phase = phase;
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = [{ ip: view.podIP }];
  }
  status.qosClass = old.qosClass ?? qosClass(pod.spec);
  if (view.startTime) status.startTime = view.startTime;
  return status;
}

function condition(now: string, type: string, ok: boolean, reason?: string, message?: string): PodCondition {
  const c: PodCondition = { type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** The first readiness gate whose condition is not True (undefined if all are met). */
function firstUnmetGate(pod: Pod, conditions: PodCondition[] | undefined): string | undefined {
  for (const g of pod.spec?.readinessGates ?? []) {
    let ok = false;
    for (const c of conditions ?? []) if (c.type === g.conditionType && c.status === 'True') ok = true;
    if (!ok) return g.conditionType;
  }
  return undefined;
}

const ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

function rank(type: string): number {
  const i = ORDER.indexOf(type);
  return i < 0 ? ORDER.length : i;
}

function byRank(a: PodCondition, b: PodCondition): number {
  return rank(a.type) - rank(b.type);
}

function orderConditions(list: PodCondition[]): PodCondition[] {
  return [...list].sort(byRank);
}
