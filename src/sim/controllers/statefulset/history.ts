/**
 * A StatefulSet's ControllerRevisions (pkg/controller/statefulset: getStatefulSetRevisions,
 * newRevision, truncateHistory): one per template, named `<set>-<hash>`; a StatefulSet pod's
 * `controller-revision-hash` label holds the revision's whole name.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import { clone, type KObject } from '../../core/object';
import { podTemplateHash } from '../../kinds/apps/pod-template-hash';
import type { SharedInformers } from '../../informers/shared-informers';
import { REVISION_HASH_LABEL, type StatefulSetObject } from './identity';

export type RevisionObject = ControllerRevision & KObject;

/** `getPatch`: the template as a strategic-merge patch that replaces it whole. */
export function revisionData(set: StatefulSetObject): Record<string, unknown> {
  return { spec: { template: { ...clone(set.spec?.template ?? {}), $patch: 'replace' } } };
}

export interface Revisions {
  current: RevisionObject;
  update: RevisionObject;
  all: RevisionObject[];
}

/** The current and update revisions, creating the update one; undefined after a hash collision (retry). */
export function statefulSetRevisions(ctx: SimContext, informers: SharedInformers, set: StatefulSetObject): Revisions | undefined {
  const owned = (informers.for('controllerrevisions').ownedBy(set.metadata.uid!) as RevisionObject[]).slice().sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  const data = revisionData(set);
  const next = (owned.length ? owned[owned.length - 1].revision ?? 0 : 0) + 1;
  const equal = owned.filter((r) => sameJson(r.data, data));
  let update = equal[equal.length - 1];
  if (update && update !== owned[owned.length - 1]) {
    // The template went back to an older revision: it is renumbered the newest.
    update = ctx.api.update('controllerrevisions', set.metadata.namespace, { ...update, revision: next }) as RevisionObject;
  } else if (!update) {
    const made = createRevision(ctx, set, data, next);
    if (!made) return undefined;
    update = made;
  }
  const all = owned.filter((r) => r.metadata.name !== update.metadata.name).concat(update);
  const current = all.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, all };
}

function createRevision(ctx: SimContext, set: StatefulSetObject, data: Record<string, unknown>, revision: number): RevisionObject | undefined {
  const collisionCount = set.status?.collisionCount ?? 0;
  const name = `${set.metadata.name}-${podTemplateHash(set.spec?.template, collisionCount || undefined)}`;
  const ns = set.metadata.namespace;
  const metadata: KObject['metadata'] = {
    name,
    namespace: ns,
    labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: name.slice(set.metadata.name!.length + 1) },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true }],
  };
  // newRevision copies the set's annotations (its change-cause among them).
  if (set.metadata.annotations) metadata.annotations = { ...set.metadata.annotations };
  try {
    return ctx.api.create('controllerrevisions', ns, { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data, revision }) as RevisionObject;
  } catch (e) {
    if (!(e instanceof StatusError) || e.reason !== 'AlreadyExists') throw e;
    const existing = ctx.api.tryGet('controllerrevisions', ns, name) as RevisionObject | undefined;
    if (existing && existing.metadata.ownerReferences?.some((r) => r.controller && r.uid === set.metadata.uid) && sameJson(existing.data, data)) return existing;
    ctx.api.updateStatus('statefulsets', ns, { ...set, status: { ...set.status, collisionCount: collisionCount + 1 } });
    return undefined;
  }
}

/** `truncateHistory`: revisions no pod runs, beyond revisionHistoryLimit, oldest first. */
export function truncateHistory(ctx: SimContext, set: StatefulSetObject, revs: Revisions, live: ReadonlySet<string>): void {
  const keep = new Set([revs.current.metadata.name, revs.update.metadata.name, ...live]);
  const old = revs.all.filter((r) => !keep.has(r.metadata.name));
  const excess = old.length - (set.spec?.revisionHistoryLimit ?? 10);
  for (const r of old.slice(0, Math.max(0, excess))) {
    try {
      ctx.api.delete('controllerrevisions', r.metadata.namespace, r.metadata.name!);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}
