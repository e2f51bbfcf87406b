/**
 * A quota's usage in its namespace (quota.CalculateUsage): the sum, over the objects its
 * scopes take in, of what each counts for. Pod counts alone come from the api-server's running
 * tally (PodUsage), so the playground's own `pods` quota stays cheap with thousands of pods.
 */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KObject } from '../core/object';
import type { Quantity } from '../core/quantity';
import { addInto, type ResourceList } from '../core/resource-list';
import type { Store } from '../core/store';
import { countsAgainstQuota, hasScopes, isPodComputeName, matchesScopes, usageOf } from './evaluate';

type Quota = ResourceQuota & KObject;

/** Running count of non-terminal pods per namespace. */
export interface PodCounter {
  count(namespace: string): number;
}

/** Which kind (plural, group) a quota name counts, or undefined for names no kind uses. */
export function kindOfQuotaName(name: string): { plural: string; group: string } | undefined {
  const count = /^count\/([a-z0-9-]+)(?:\.(.+))?$/.exec(name);
  if (count) return { plural: count[1], group: count[2] ?? '' };
  if (name === 'pods' || /^(requests\.|limits\.)?(cpu|memory)$/.test(name) || /^(requests|limits)\.ephemeral-storage$/.test(name)) return { plural: 'pods', group: '' };
  if (name === 'services' || name === 'services.nodeports' || name === 'services.loadbalancers') return { plural: 'services', group: '' };
  if (name === 'persistentvolumeclaims' || name === 'requests.storage' || name.includes('.storageclass.storage.k8s.io/')) return { plural: 'persistentvolumeclaims', group: '' };
  if (['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas'].includes(name)) return { plural: name, group: '' };
  return undefined;
}

/** Usage of `names` (all counting the kind plural.group) in the quota's namespace. */
export function kindUsage(store: Store, pods: PodCounter, q: Quota, plural: string, group: string, names: string[]): ResourceList {
  const ns = q.metadata.namespace!;
  const zero: Quantity = { nanos: 0n, format: 'DecimalSI' };
  const used: ResourceList = new Map(names.map((n) => [n, { ...zero }]));
  if (plural === 'pods' && !hasScopes(q) && names.every((n) => n === 'pods' || n === 'count/pods')) {
    const n = BigInt(pods.count(ns)) * 1_000_000_000n;
    for (const name of names) used.set(name, { nanos: n, format: 'DecimalSI' });
    return used;
  }
  const compute = names.some(isPodComputeName);
  for (const obj of store.list(plural, ns)) {
    if (!countsAgainstQuota(plural, obj) || !matchesScopes(q, plural, obj)) continue;
    const usage = usageOf(plural, group, obj, compute);
    addInto(used, new Map([...usage].filter(([k]) => used.has(k))));
  }
  return used;
}
