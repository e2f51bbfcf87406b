/**
 * The clusterrole-aggregation controller (pkg/controller/clusterroleaggregation): a ClusterRole
 * with an `aggregationRule` holds the rules of every ClusterRole its selectors match, in name
 * order, each distinct rule once. `admin`, `edit` and `view` are built this way from the
 * `system:aggregate-to-*` roles, and a learner's role labelled `aggregate-to-view` joins `view`.
 */
import type { ClusterRole, PolicyRule } from 'kubernetes-types/rbac/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { matchesLabelSelector } from '../../core/labels';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';

type ClusterRoleObject = ClusterRole & KObject;

export class ClusterRoleAggregationController {
  readonly queue: WorkQueue;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (name) => this.sync(name), 'clusterrole-aggregation');
    const roles = informers.for('clusterroles');
    // The aggregated roles' names, kept from the changes: the bootstrap policy writes dozens of
    // roles, and listing them all on each write would make cluster start quadratic.
    const aggregated = new Set<string>();
    for (const r of roles.list() as ClusterRoleObject[]) if (r.aggregationRule) aggregated.add(r.metadata.name!);
    for (const name of aggregated) this.queue.add(name);
    // Any role's change may change what an aggregated role selects: look at them all again.
    roles.onChange((obj, _old, type) => {
      const role = obj as ClusterRoleObject;
      if (type !== 'DELETED' && role.aggregationRule) aggregated.add(role.metadata.name!);
      else aggregated.delete(role.metadata.name!);
      for (const name of aggregated) this.queue.add(name);
    });
  }

  sync(name: string): void {
    const roles = this.informers.for('clusterroles');
    const role = roles.get(undefined, name) as ClusterRoleObject | undefined;
    const selectors = role?.aggregationRule?.clusterRoleSelectors;
    if (!role || !selectors) return;
    const rules: PolicyRule[] = [];
    const sources = (roles.list() as ClusterRoleObject[])
      .filter((r) => r.metadata.name !== name && selectors.some((s) => matchesLabelSelector(s, r.metadata.labels)))
      .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const seen = new Set<string>();
    for (const source of sources) {
      for (const rule of source.rules ?? []) {
        const key = JSON.stringify(rule);
        if (!seen.has(key)) seen.add(key), rules.push(rule);
      }
    }
    if (JSON.stringify(role.rules ?? []) === JSON.stringify(rules)) return;
    try {
      this.ctx.api.update('clusterroles', undefined, { ...role, rules } as KObject);
    } catch (e) {
      // A write racing ours: the change it made brings us back.
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

export function startClusterRoleAggregationController(ctx: SimContext, informers: SharedInformers): ClusterRoleAggregationController {
  return new ClusterRoleAggregationController(ctx, informers);
}
