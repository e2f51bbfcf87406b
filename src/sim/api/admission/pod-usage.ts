/**
 * The api-server's running tally of non-terminal pods per namespace, kept from the pod watch:
 * what a `pods` quota counts, without listing every pod on every create.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import type { Store } from '../../core/store';

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
