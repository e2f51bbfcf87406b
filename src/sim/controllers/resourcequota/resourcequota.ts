/**
 * The ResourceQuota controller: keeps `status.hard` (a copy of spec.hard) and `status.used`
 * current, so `kubectl describe quota` shows `pods  3  1k`. Counts pods (as admission does:
 * non-terminal ones) and objects (`services`, `configmaps`, `count/<resource>[.<group>]`, …).
 */
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { keyOf, splitKey } from '../../core/keys';
import { WorkQueue } from '../../informers/workqueue';
import { sameJson } from '../../core/json-equal';
import { formatCount } from '../../core/quantity';

/** Object-count quota names that are plain resource names. */
const OBJECT_COUNTS: Record<string, string> = {
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
  persistentvolumeclaims: 'persistentvolumeclaims',
};

type Quota = KObject & { spec?: { hard?: Record<string, string | number> }; status?: { hard?: Record<string, string>; used?: Record<string, string> } };

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
      // Only creations, deletions and pod phase changes can change usage.
      if (e.type === 'MODIFIED' && e.resource !== 'pods' && e.resource !== 'services') return;
      for (const q of quotas.list(ns)) this.queue.add(keyOf(q));
    });
  }

  sync(key: string): void {
    const q = this.informers.for('resourcequotas').get(...splitKey(key)) as Quota | undefined;
    if (!q) return;
    const ns = q.metadata.namespace!;
    const hard: Record<string, string> = {};
    const used: Record<string, string> = {};
    for (const [name, value] of Object.entries(q.spec?.hard ?? {})) {
      hard[name] = String(value);
      const n = this.usage(ns, name);
      if (n !== undefined) used[name] = formatCount(n);
    }
    const status = { hard, used };
    if (sameJson(q.status ?? {}, status)) return;
    this.ctx.api.updateStatus('resourcequotas', ns, { ...q, status });
  }

  private usage(ns: string, name: string): number | undefined {
    if (name === 'pods' || name === 'count/pods') return this.ctx.api.podUsage.count(ns);
    if (OBJECT_COUNTS[name]) return this.ctx.store.list(OBJECT_COUNTS[name], ns).length;
    if (name === 'services.nodeports' || name === 'services.loadbalancers') {
      const type = name === 'services.nodeports' ? ['NodePort', 'LoadBalancer'] : ['LoadBalancer'];
      return this.ctx.store.list('services', ns).filter((s) => type.includes((s.spec as { type?: string } | undefined)?.type ?? '')).length;
    }
    const m = /^count\/([a-z0-9-]+)(?:\.(.+))?$/.exec(name);
    if (m) {
      const t = this.ctx.api.registry.byResource(m[1]);
      if (!t || t.group !== (m[2] ?? '')) return undefined;
      return this.ctx.store.list(t.plural, ns).length;
    }
    return undefined;
  }
}

export function startResourceQuotaController(ctx: SimContext, informers: SharedInformers): ResourceQuotaController {
  return new ResourceQuotaController(ctx, informers);
}
