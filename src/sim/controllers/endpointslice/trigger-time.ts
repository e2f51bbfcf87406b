/**
 * The `endpoints.kubernetes.io/last-change-trigger-time` annotation (k8s.io/endpointslice/util
 * TriggerTimeTracker): when a Service is first synced, its creation time; afterwards the
 * earliest Ready-condition transition among its pods that changed since the last sync, or
 * nothing (the annotation is then removed).
 */
import type { PodObject, ServiceObject } from './service-selection';

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  podTimes: Map<string, string>;
  serviceTime: string;
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** The trigger time to publish for `svc` (RFC 3339), or undefined for none. */
  compute(svc: ServiceObject, pods: readonly PodObject[]): string | undefined {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const state = this.states.get(key);
    let min: string | undefined;
    const podTimes = new Map<string, string>();
    for (const pod of pods) {
      const t = pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
      if (!t) continue;
      podTimes.set(pod.metadata.name!, t);
      const before = state?.podTimes.get(pod.metadata.name!);
      if ((!before || Date.parse(t) > Date.parse(before)) && (!min || Date.parse(t) < Date.parse(min))) min = t;
    }
    const serviceTime = svc.metadata.creationTimestamp ?? '';
    if (state && Date.parse(serviceTime) > Date.parse(state.serviceTime) && (!min || Date.parse(serviceTime) < Date.parse(min))) min = serviceTime;
    this.states.set(key, { podTimes, serviceTime });
    return state ? min : serviceTime || undefined;
  }

  forget(svc: { namespace?: string; name?: string }): void {
    this.states.delete(`${svc.namespace}/${svc.name}`);
  }
}
