/**
 * Container logs. Kubelets record each container run (its ID, start, end and a function that
 * yields its output up to a time); `readLogs` answers `GET pods/<name>/log` with the api-server's
 * and kubelet's own validation errors. Output is derived on demand, never stored line by line.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { statusError } from '../api/errors';
import type { Cluster } from '../cluster';
import { hash32 } from '../core/rng';
import { isoLocal } from '../core/utc';
import type { ContainerState, TerminatedState } from './pod-status';
import { assertLogsReachable } from '../client/kubelet-dial';

export interface LogLine {
  /** Virtual ms since the epoch. */
  at: number;
  text: string;
  /** A record cut before its newline (16 KiB): printed without one, the next goes on. */
  partial?: true;
}

export interface LogRun {
  containerID: string;
  startedAt: number;
  /** When the process ended (exit or kill); output stops there. */
  finishedAt?: number;
  lines(untilAbs: number): LogLine[];
}

export interface LogOptions {
  previous?: boolean;
  /** Last N lines (negative or undefined = all). */
  tail?: number;
  timestamps?: boolean;
  /** Only lines newer than this many seconds. */
  sinceSeconds?: number;
  /** Only lines written at or after this instant (virtual ms). */
  sinceTime?: number;
  /** Stop after this many bytes, even within a line. */
  limitBytes?: number;
}

export class LogStore {
  // By pod (`namespace/name`), then container: removing a pod must not scan every pod's runs.
  private runs = new Map<string, Map<string, LogRun[]>>();

  add(namespace: string, pod: string, container: string, run: LogRun): void {
    const podKey = `${namespace}/${pod}`;
    let byContainer = this.runs.get(podKey);
    if (!byContainer) this.runs.set(podKey, (byContainer = new Map()));
    const list = byContainer.get(container) ?? [];
    list.push(run);
    // The kubelet keeps the current and the previous container's logs only.
    if (list.length > 2) list.splice(0, list.length - 2);
    byContainer.set(container, list);
  }

  finish(namespace: string, pod: string, container: string, containerID: string, at: number): void {
    const run = this.find(namespace, pod, container, containerID);
    if (run && run.finishedAt === undefined) run.finishedAt = at;
  }

  find(namespace: string, pod: string, container: string, containerID: string): LogRun | undefined {
    return this.runs.get(`${namespace}/${pod}`)?.get(container)?.find((r) => r.containerID === containerID);
  }

  removePod(namespace: string, pod: string): void {
    this.runs.delete(`${namespace}/${pod}`);
  }
}

interface StatusLike {
  name: string;
  containerID?: string;
  state?: Partial<Record<'waiting' | 'running' | 'terminated', unknown>> & ContainerState;
  lastState?: { terminated?: TerminatedState };
}

/**
 * `kubectl logs`: the text, or a StatusError as the api-server returns it. Like the api-server,
 * it asks the kubelet of the pod's node for the container's log.
 */
export function readLogs(ctx: Pick<Cluster, 'api' | 'clock' | 'kubelets'>, namespace: string, podName: string, container?: string, opts: LogOptions = {}): string {
  const pod = ctx.api.get('pods', namespace, podName) as unknown as Pod;
  const name = validateContainer(pod, podName, container);
  if (!pod.spec?.nodeName) return '';
  const statuses = [...((pod.status?.initContainerStatuses ?? []) as StatusLike[]), ...((pod.status?.containerStatuses ?? []) as StatusLike[]), ...((pod.status?.ephemeralContainerStatuses ?? []) as StatusLike[])];
  const status = statuses.find((s) => s.name === name);
  if (!status) throw statusError('BadRequest', `container "${name}" in pod "${podName}" is waiting to start: ContainerCreating`);
  assertLogsReachable(ctx.kubelets.get(pod.spec.nodeName), namespace, podName, name);
  const containerID = logContainerID(status, name, podName, !!opts.previous);
  const run = ctx.kubelets.get(pod.spec.nodeName)?.logs.find(namespace, podName, name, containerID);
  if (!run) return '';
  const now = ctx.clock.now();
  let lines = run.lines(Math.min(now, run.finishedAt ?? Infinity));
  if (opts.sinceSeconds !== undefined) lines = lines.filter((l) => l.at >= now - opts.sinceSeconds! * 1000);
  if (opts.sinceTime !== undefined) lines = lines.filter((l) => l.at >= opts.sinceTime!);
  if (opts.tail !== undefined && opts.tail >= 0) lines = opts.tail === 0 ? [] : lines.slice(-opts.tail);
  const text = lines.map((l) => (opts.timestamps ? `${rfc3339Nano(l.at, l.text)} ${l.text}` : l.text) + (l.partial ? '' : '\n')).join('');
  return opts.limitBytes !== undefined ? firstBytes(text, opts.limitBytes) : text;
}

/** The first `n` bytes of the UTF-8 text (a character cut in two is dropped). */
function firstBytes(text: string, n: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= n) return text;
  return new TextDecoder().decode(bytes.slice(0, n)).replace(/\uFFFD$/, '');
}

/** The api-server's validateContainer (pkg/registry/core/pod/strategy.go). */
function validateContainer(pod: Pod, podName: string, container: string | undefined): string {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
  if (!container) {
    const regular = pod.spec?.containers ?? [];
    if (regular.length === 1) return regular[0].name;
    if (regular.length === 0) throw statusError('BadRequest', `a container name must be specified for pod ${podName}`);
    throw statusError('BadRequest', `a container name must be specified for pod ${podName}, choose one of: [${all.join(' ')}]`);
  }
  if (!all.includes(container)) throw statusError('BadRequest', `container ${container} is not valid for pod ${podName}`);
  return container;
}

/** The kubelet's validateContainerLogStatus: which container instance to read. */
function logContainerID(s: StatusLike, name: string, podName: string, previous: boolean): string {
  const last = s.lastState?.terminated;
  const state = s.state ?? ({} as StatusLike['state']);
  const bad = (msg: string) => statusError('BadRequest', msg);
  if (previous) {
    if (!last?.containerID) throw bad(`previous terminated container "${name}" in pod "${podName}" not found`);
    return last.containerID;
  }
  if (state && 'running' in state && state.running) return s.containerID ?? '';
  if (state && 'terminated' in state && state.terminated) {
    const t = state.terminated as TerminatedState;
    if (t.containerID) return t.containerID;
    if (last?.containerID) return last.containerID;
    throw bad(`container "${name}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw bad(`container "${name}" in pod "${podName}" is terminated`);
    return last.containerID;
  }
  if (state && 'waiting' in state && state.waiting) {
    const reason = (state.waiting as { reason?: string }).reason ?? '';
    if (reason === 'ErrImagePull') throw bad(`container "${name}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === 'ImagePullBackOff') throw bad(`container "${name}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    throw bad(`container "${name}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  throw bad(`container "${name}" in pod "${podName}" is waiting to start - no logs yet`);
}

/** containerd's log timestamp: RFC 3339 with nanoseconds (trailing zeros trimmed). */
export function rfc3339Nano(ms: number, salt = ''): string {
  const base = isoLocal(Math.floor(ms / 1000) * 1000);
  const nanos = (ms % 1000) * 1_000_000 + (hash32(`${ms}|${salt}`) % 1_000_000);
  const frac = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${base}${frac ? '.' + frac : ''}Z`;
}
