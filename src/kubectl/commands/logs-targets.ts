/**
 * Which containers `kubectl logs` reads: kubectl's polymorphichelpers/logsforobject.go. A pod
 * gives one container (the named one, the annotated default, else the first, announced on
 * stderr) or, with `--all-containers`, its init, regular and ephemeral containers in that order;
 * a workload gives its first pod by `podutils.ByLogging` (`Found 3 pods, using pod/…`), or all
 * of them with `--all-pods`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesLabelSelector } from '../../sim/core/labels';
import type { KObject } from '../../sim/core/object';
import { CliError } from '../errors';
import type { CommandContext, Wait } from '../types';

export interface LogTarget {
  pod: KObject;
  container: string;
}

export interface TargetOptions {
  container: string;
  allContainers: boolean;
  allPods: boolean;
  /** `--pod-running-timeout`: how long a workload's first pod is waited for. */
  podTimeoutMs: number;
}

/** The containers of pods kubectl has already fetched (by name or by selector). */
export function podTargets(ctx: CommandContext, pods: KObject[], opts: TargetOptions, announce = true): LogTarget[] {
  return pods.flatMap((pod) => containersOf(ctx, pod as unknown as Pod, opts, announce).map((container) => ({ pod, container })));
}

/** A workload's pods: waits up to `--pod-running-timeout` for one to exist, as GetFirstPod does. */
export function* workloadTargets(ctx: CommandContext, owner: KObject, plural: string, opts: TargetOptions): Generator<Wait, LogTarget[], boolean> {
  const selector = selectorOf(owner, plural);
  const ns = owner.metadata.namespace!;
  const pods = () => ctx.client.list('pods', ns).filter((p) => matchesLabelSelector(selector, p.metadata.labels));
  if (pods().length === 0) {
    const found: boolean = yield { until: () => pods().length > 0, timeoutMs: opts.podTimeoutMs };
    if (!found) throw new CliError('timed out waiting for the condition');
  }
  const sorted = pods().sort(byLogging);
  if (sorted.length > 1 && opts.allPods) return podTargets(ctx, sorted, opts, false);
  if (sorted.length > 1) ctx.err(`Found ${sorted.length} pods, using pod/${sorted[0].metadata.name}`);
  return podTargets(ctx, [sorted[0]], opts);
}

/** SelectorsForObject: the label selector of a workload or Service. */
function selectorOf(owner: KObject, plural: string): { matchLabels?: Record<string, string> } {
  const selector = (owner.spec as { selector?: unknown } | undefined)?.selector;
  if (plural === 'services') {
    if (Object.keys(selector ?? {}).length) return { matchLabels: selector as Record<string, string> };
    throw new CliError(`cannot get the logs from *v1.Service: invalid service '${owner.metadata.name}': Service is defined without a selector`);
  }
  if (!selector || !['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets', 'daemonsets', 'jobs'].includes(plural)) {
    const goType = `*${owner.apiVersion.split('/').pop()}.${owner.kind}`;
    throw new CliError(`cannot get the logs from ${goType}: selector for ${goType} not implemented`);
  }
  return selector as { matchLabels?: Record<string, string> };
}

function containersOf(ctx: CommandContext, pod: Pod, opts: TargetOptions, announce: boolean): string[] {
  const spec = pod.spec ?? { containers: [] };
  const name = pod.metadata!.name!;
  if (opts.allContainers) return [...(spec.initContainers ?? []), ...spec.containers, ...(spec.ephemeralContainers ?? [])].map((c) => c.name);
  let container = opts.container;
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (!container && annotated) {
    if (findContainer(pod, annotated)) container = annotated;
    else ctx.err(`Default container name "${annotated}" not found in pod ${name}`);
  }
  if (!container) {
    // Default to the first container, as `kubectl exec` does.
    container = spec.containers[0].name;
    const more = spec.containers.length > 1 || (spec.initContainers ?? []).length > 0 || (spec.ephemeralContainers ?? []).length > 0;
    if (more && announce) ctx.err(`Defaulted container "${container}" out of: ${allContainerNames(pod)}`);
  }
  if (!findContainer(pod, container)) throw new CliError(`container ${container} is not valid for pod ${name}`);
  return [container];
}

function findContainer(pod: Pod, name: string): boolean {
  const spec = pod.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])].some((c) => c.name === name);
}

/** podcmd.AllContainerNames. */
function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/**
 * podutils.ByLogging, the pod most likely to have interesting logs first: assigned, Running
 * (phases it does not rank count as Running), then Unknown, Pending; ready, ready for longer;
 * more restarts; older.
 */
export function byLogging(a: KObject, b: KObject): number {
  const PHASE: Record<string, number> = { Unknown: 1, Pending: 2 };
  const key = (p: KObject): (number | string)[] => {
    const pod = p as unknown as Pod;
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
    const restarts = Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
    return [
      pod.spec?.nodeName ? 0 : 1,
      PHASE[pod.status?.phase ?? ''] ?? 0,
      ready ? 0 : 1,
      ready?.lastTransitionTime ?? '~',
      -restarts,
      pod.metadata?.creationTimestamp ?? '~',
    ];
  };
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
}
