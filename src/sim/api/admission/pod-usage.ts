/**
 * The api-server's running tally of non-terminal pods per namespace, kept from the pod watch:
 * what a `pods` quota counts, without listing every pod on every create. It starts when first
 * asked (a `pods` quota exists): a cluster without one pays nothing per pod change.
 */
import type { KObject } from '../../core/object';
import type { Store } from '../../core/store';
import { countsAgainstQuota } from '../../quota/evaluate';

export class PodUsage {
  private active: Map<string, Set<string>> | undefined;

  constructor(private readonly store: Store) {}

  /** Non-terminal pods in `namespace` (what quota counts). */
  count(namespace: string): number {
    return this.tally().get(namespace)?.size ?? 0;
  }

  private tally(): Map<string, Set<string>> {
    if (this.active) return this.active;
    const active = (this.active = new Map());
    for (const p of this.store.list('pods')) track(active, p);
    this.store.subscribe((e) => {
      if (e.type === 'DELETED') untrack(active, e.object);
      // A running pod's status writes change nothing: it was counted when created.
      else if (e.type === 'ADDED' || !countsAgainstQuota('pods', e.object)) track(active, e.object);
    }, 'pods');
    return active;
  }
}

function track(active: Map<string, Set<string>>, pod: KObject): void {
  if (!countsAgainstQuota('pods', pod)) return untrack(active, pod);
  const ns = pod.metadata.namespace!;
  let set = active.get(ns);
  if (!set) active.set(ns, (set = new Set()));
  set.add(pod.metadata.name!);
}

function untrack(active: Map<string, Set<string>>, pod: KObject): void {
  active.get(pod.metadata.namespace!)?.delete(pod.metadata.name!);
}
