/**
 * The `endpoints.kubernetes.io/last-change-trigger-time` annotation (k8s.io/endpointslice/util
 * TriggerTimeTracker): when a Service is first synced, its creation time; afterwards the
 * earliest Ready-condition transition among its pods that changed since the last sync, or
 * nothing (the annotation is then removed). Timestamps are RFC 3339 in UTC with whole seconds,
 * so they compare as strings.
 */
import type { PodObject, ServiceObject } from './service-selection';

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  podTimes: Map<string, string>;
  serviceTime: string;
}

function readySince(pod: PodObject): string | undefined {
  const conditions = pod.status?.conditions;
  if (!conditions) return undefined;
  for (const c of conditions) if (c.type === 'Ready') return c.lastTransitionTime ?? undefined;
  return undefined;
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** The trigger time to publish for `svc` (RFC 3339), or undefined for none. */
  compute(svc: ServiceObject, pods: readonly PodObject[]): string | undefined {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const state = this.states.get(key);
    let min: string | undefined;
    const podTimes = new Map<string, string>();
    const before = state?.podTimes;
    for (const pod of pods) {
      const t = readySince(pod);
      if (!t) continue;
      const name = pod.metadata.name!;
      podTimes.set(name, t);
      const was = before?.get(name);
      if ((!was || t > was) && (!min || t < min)) min = t;
    }
    const serviceTime = svc.metadata.creationTimestamp ?? '';
    if (state && serviceTime > state.serviceTime && (!min || serviceTime < min)) min = serviceTime;
    this.states.set(key, { podTimes, serviceTime });
    return state ? min : serviceTime || undefined;
  }

  forget(svc: { namespace?: string; name?: string }): void {
    this.states.delete(`${svc.namespace}/${svc.name}`);
  }
}
