/**
 * The ResourceQuota controller: keeps `status.hard` (a copy of spec.hard) and `status.used`
 * current, so `kubectl describe quota` shows `pods  3  1k`. Usage is counted as admission counts
 * it (../../quota): pods and their compute resources within the quota's scopes, Services, claims,
 * and any `count/<resource>[.<group>]` the api-server serves.
 */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { keyOf, splitKey } from '../../core/keys';
import { WorkQueue } from '../../informers/workqueue';
import { sameJson } from '../../core/json-equal';
import { quantityString, quantityText } from '../../core/quantity';
import { kindOfQuotaName, kindUsage } from '../../quota/usage';
import { countsAgainstQuota } from '../../quota/evaluate';

/** Kinds whose changes (not only creations and deletions) can change usage. */
const USAGE_ON_UPDATE = new Set(['pods', 'services', 'persistentvolumeclaims']);

type Quota = ResourceQuota & KObject;

function changesUsage(resource: string, obj: KObject): boolean {
  if (resource === 'pods') return !countsAgainstQuota(resource, obj);
  return USAGE_ON_UPDATE.has(resource);
}

export class ResourceQuotaController {
  readonly queue: WorkQueue;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'resourcequota-controller');
    const quotas = informers.for('resourcequotas');
    for (const q of quotas.list()) this.queue.add(keyOf(q));
    ctx.store.subscribe((e) => {
      const ns = e.object.metadata.namespace;
      if (!ns || e.resource === 'events') return;
      if (e.resource === 'resourcequotas' && e.type !== 'DELETED') this.queue.add(keyOf(e.object));
      // Only creations, deletions and some updates can change usage: a pod's only when it has
      // ended (its requests are immutable), as the quota monitor's UpdateFunc filters them.
      if (quotas.size === 0 || (e.type === 'MODIFIED' && !changesUsage(e.resource, e.object))) return;
      for (const q of quotas.list(ns)) this.queue.add(keyOf(q));
    });
  }

  sync(key: string): void {
    const q = this.informers.for('resourcequotas').get(...splitKey(key)) as Quota | undefined;
    if (!q) return;
    const hard: Record<string, string> = {};
    const used: Record<string, string> = {};
    const byKind = new Map<string, string[]>();
    for (const [name, value] of Object.entries(q.spec?.hard ?? {})) {
      hard[name] = quantityText(value);
      const kind = kindOfQuotaName(name);
      if (!kind || !this.served(kind.plural, kind.group)) continue;
      const k = `${kind.plural}/${kind.group}`;
      byKind.set(k, [...(byKind.get(k) ?? []), name]);
    }
    for (const [k, names] of byKind) {
      const [plural, group] = k.split('/');
      for (const [name, quantity] of kindUsage(this.ctx.store, this.ctx.api.podUsage, q, plural, group, names)) used[name] = quantityString(quantity);
    }
    const status = { hard, used };
    if (sameJson(q.status ?? {}, status)) return;
    this.ctx.api.updateStatus('resourcequotas', q.metadata.namespace, { ...q, status });
  }

  private served(plural: string, group: string): boolean {
    return this.ctx.api.registry.byResource(plural)?.group === group;
  }
}

export function startResourceQuotaController(ctx: SimContext, informers: SharedInformers): ResourceQuotaController {
  return new ResourceQuotaController(ctx, informers);
}
