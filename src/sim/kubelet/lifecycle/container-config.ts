/**
 * generateContainerConfig before a container is created: its environment's ConfigMap and
 * Secret references read from the kubelet's managers (the store as it is now). When one is
 * missing the start fails (kuberuntime startContainer): the container waits in
 * CreateContainerConfigError, a `Failed` event says `Error: <why>`, and the pod worker's
 * next sync — after its error back-off of 10 s plus up to half again — tries again.
 */
import type { ConfigMap, Container, Pod, Secret } from 'kubernetes-types/core/v1';
import type { ContainerView } from '../pod-status';
import type { NodeRuntime } from '../runtime';
import { ContainerConfigError, resolveEnvRefs, type ConfigLookup, type EnvRefs } from '../env-refs';

/** pod_workers.go: a sync that failed is retried after backOffPeriod, jittered by up to 0.5. */
export const SYNC_ERROR_BACKOFF_MS = 10_000;

export type RetryStartAction = { kind: 'retryStart'; at: number };

export interface Configurable {
  spec: Container;
  view: ContainerView;
  actions: Array<RetryStartAction | { kind: string; at: number }>;
}

export function storeLookup(rt: NodeRuntime): ConfigLookup {
  return {
    configMap: (ns, name) => rt.ctx.store.get('configmaps', ns, name) as unknown as ConfigMap | undefined,
    secret: (ns, name) => rt.ctx.store.get('secrets', ns, name) as unknown as Secret | undefined,
  };
}

export interface ConfigIO {
  rt: NodeRuntime;
  pod: Pod;
  event(type: 'Warning', reason: string, message: string): void;
  /** An event on the pod itself (no container field path). */
  podEvent(type: 'Warning', reason: string, message: string): void;
}

/** The container's ConfigMap and Secret values, or undefined when its start failed on them. */
export function containerConfig(c: Configurable, io: ConfigIO): EnvRefs | undefined {
  try {
    const refs = resolveEnvRefs(io.pod, c.spec, storeLookup(io.rt));
    for (const w of refs.warnings) io.podEvent('Warning', 'InvalidEnvironmentVariableNames', w);
    return refs;
  } catch (e) {
    if (!(e instanceof ContainerConfigError)) throw e;
    const now = io.rt.clock.now();
    const st = c.view.state;
    if ('terminated' in st) c.view.lastState = st.terminated;
    c.view.state = { waiting: { reason: 'CreateContainerConfigError', message: e.message } };
    io.event('Warning', 'Failed', `Error: ${e.message}`);
    const jitter = io.rt.ctx.rng.fork(`kubelet/sync-backoff/${io.pod.metadata?.uid}/${c.spec.name}/${now}`).int(0, SYNC_ERROR_BACKOFF_MS / 2);
    c.actions.push({ kind: 'retryStart', at: now + SYNC_ERROR_BACKOFF_MS + jitter });
    return undefined;
  }
}
