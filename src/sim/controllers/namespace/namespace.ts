/**
 * The namespace controller: a deleting namespace has its content deleted, its status
 * conditions kept current while content remains, then `spec.finalizers` cleared and the
 * namespace removed. (The root CA publisher, ../root-ca, fills live namespaces.)
 */
import type { NamespaceCondition } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';

export class NamespaceController {
  readonly queue: WorkQueue;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'namespace-controller');
    const namespaces = informers.for('namespaces');
    for (const ns of namespaces.list()) this.queue.add(ns.metadata.name!);
    namespaces.onChange((obj, _old, type) => {
      if (type !== 'DELETED' && obj.metadata.deletionTimestamp) this.queue.add(obj.metadata.name!);
    });
    // Any change inside a terminating namespace may be the last piece of content going away.
    ctx.store.subscribe((e) => {
      const ns = e.object.metadata.namespace;
      if (!ns || e.resource === 'namespaces' || e.type === 'ADDED') return;
      if (namespaces.get(undefined, ns)?.metadata.deletionTimestamp) this.queue.add(ns);
    });
  }

  sync(name: string): number | void {
    const ns = this.informers.for('namespaces').get(undefined, name);
    if (!ns) return;
    try {
      if (ns.metadata.deletionTimestamp) this.finalize(ns);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }

  /** Deletes what is left (background propagation), then removes the namespace once empty. */
  private finalize(ns: KObject): void {
    const name = ns.metadata.name!;
    const remaining = new Map<string, number>();
    const finalizers = new Map<string, number>();
    for (const t of this.ctx.api.registry.all()) {
      if (!t.namespaced) continue;
      for (const obj of this.ctx.store.list(t.plural, name)) {
        if (!obj.metadata.deletionTimestamp) {
          try {
            this.ctx.api.delete(t.plural, name, obj.metadata.name!, { propagationPolicy: 'Background' });
          } catch (e) {
            if (!(e instanceof StatusError) || e.reason !== 'NotFound') throw e;
          }
        }
        const still = this.ctx.store.get(t.plural, name, obj.metadata.name!);
        if (!still) continue;
        const resource = t.group ? `${t.plural}.${t.group}` : `${t.plural}.`;
        remaining.set(resource, (remaining.get(resource) ?? 0) + 1);
        for (const f of still.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
      }
    }
    if (remaining.size === 0) {
      // Clearing spec.finalizers (the `finalize` subresource) lets the api-server remove it.
      this.ctx.api.finalizeNamespace(name, []);
      return;
    }
    this.writeConditions(ns, remaining, finalizers);
  }

  private writeConditions(ns: KObject, remaining: Map<string, number>, finalizers: Map<string, number>): void {
    const status = (ns.status ?? {}) as { phase?: string; conditions?: NamespaceCondition[] };
    const old = status.conditions ?? [];
    const now = this.ctx.clock.timestamp();
    const cond = (type: string, st: string, reason: string, message: string): NamespaceCondition => {
      // updateConditions: the transition time moves only when the status does.
      const prev = old.find((c) => c.type === type);
      return { type, status: st, lastTransitionTime: prev && prev.status === st ? prev.lastTransitionTime : now, reason, message };
    };
    const left = [...remaining].map(([r, n]) => `${r} has ${n} resource instances`).sort();
    const fins = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort();
    const conditions = [
      cond('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
      cond('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
      cond('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
      cond('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${left.join(', ')}`),
      fins.length
        ? cond('NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${fins.join(', ')}`)
        : cond('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'),
    ];
    if (JSON.stringify(conditions) === JSON.stringify(old)) return;
    this.ctx.api.updateStatus('namespaces', undefined, { ...ns, status: { ...status, phase: 'Terminating', conditions } });
  }
}

export function startNamespaceController(ctx: SimContext, informers: SharedInformers): NamespaceController {
  return new NamespaceController(ctx, informers);
}
