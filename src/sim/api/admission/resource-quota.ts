/**
 * ResourceQuota admission (plugin/pkg/admission/resourcequota) for the `pods` count (the
 * playground caps pods per namespace so that `replicas: 100000` stays a lesson, not a hang).
 * Usage is tracked incrementally from the pod watch.
 */
import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import type { Store } from '../../core/store';
import { forbidden } from '../errors';
import type { AdmissionPlugin } from './plugin';

export class PodUsage {
  private active = new Map<string, Set<string>>();

  constructor(private readonly store: Store) {
    for (const p of store.list('pods')) this.track(p);
    store.subscribe((e) => {
      if (e.type === 'DELETED') this.untrack(e.object);
      else this.track(e.object);
    }, 'pods');
  }

  /** Non-terminal pods in `namespace` (what quota counts). */
  count(namespace: string): number {
    return this.active.get(namespace)?.size ?? 0;
  }

  private track(pod: KObject): void {
    const phase = (pod as Pod & KObject).status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return this.untrack(pod);
    const ns = pod.metadata.namespace!;
    let set = this.active.get(ns);
    if (!set) this.active.set(ns, (set = new Set()));
    set.add(pod.metadata.name!);
  }

  private untrack(pod: KObject): void {
    this.active.get(pod.metadata.namespace!)?.delete(pod.metadata.name!);
  }
}

/** Rejects a pod create that would exceed a `pods` quota in its namespace (dry runs are not counted). */
export function resourceQuota(store: Store, usage: PodUsage): AdmissionPlugin {
  return {
    name: 'ResourceQuota',
    validate({ resource, object, dryRun }) {
      if (resource.plural === 'pods' && !dryRun) checkPodQuota(store, usage, object);
    },
  };
}

function checkPodQuota(store: Store, usage: PodUsage, obj: KObject): void {
  const ns = obj.metadata.namespace!;
  for (const q of store.list('resourcequotas', ns)) {
    // A Quantity: a string, or a JSON number when it was written as one.
    const hard = (q as ResourceQuota & KObject).spec?.hard?.pods;
    if (hard === undefined) continue;
    const limit = Number(hard);
    const used = usage.count(ns);
    if (used + 1 > limit) {
      const name = obj.metadata.name ?? obj.metadata.generateName ?? '';
      throw forbidden('pods', '', name, `exceeded quota: ${q.metadata.name}, requested: pods=1, used: pods=${used}, limited: pods=${limit}`);
    }
  }
}
