/**
 * A DaemonSet's ControllerRevisions (pkg/controller/daemon/update.go: constructHistory,
 * snapshot, cleanupHistory): one revision per template the DaemonSet has had, named
 * `<ds>-<hash>`, whose `controller-revision-hash` label the pods carry. The current one is the
 * revision whose data equals the template now; it is renumbered to the newest revision.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { sameJson } from '../../core/json-equal';
import { clone, type KObject } from '../../core/object';
import { podTemplateHash } from '../../kinds/apps/pod-template-hash';
import type { SharedInformers } from '../../informers/shared-informers';
import { REVISION_HASH_LABEL, type DaemonSetObject } from './node-eligibility';

export type RevisionObject = ControllerRevision & KObject;

/** `getPatch`: the template as a strategic-merge patch that replaces it whole. */
export function revisionData(ds: DaemonSetObject): Record<string, unknown> {
  return { spec: { template: { ...clone(ds.spec?.template ?? {}), $patch: 'replace' } } };
}

export interface History {
  current: RevisionObject;
  old: RevisionObject[];
  hash: string;
}

/** Finds or creates the current revision; undefined when a name collision was recorded (retry). */
export function constructHistory(ctx: SimContext, informers: SharedInformers, ds: DaemonSetObject): History | undefined {
  const data = revisionData(ds);
  const owned = informers.for('controllerrevisions').ownedBy(ds.metadata.uid!) as RevisionObject[];
  const current: RevisionObject[] = [];
  const old: RevisionObject[] = [];
  for (const r of owned) (sameJson(r.data, data) ? current : old).push(r);
  const next = old.reduce((m, r) => Math.max(m, r.revision ?? 0), 0) + 1;
  let cur = current.sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0))[current.length - 1];
  if (!cur) {
    cur = snapshot(ctx, ds, data, next) as RevisionObject;
    if (!cur) return undefined;
  } else if ((cur.revision ?? 0) < next) {
    cur = ctx.api.update('controllerrevisions', ds.metadata.namespace, { ...cur, revision: next }) as RevisionObject;
  }
  return { current: cur, old, hash: cur.metadata.labels?.[REVISION_HASH_LABEL] ?? '' };
}

function snapshot(ctx: SimContext, ds: DaemonSetObject, data: Record<string, unknown>, revision: number): KObject | undefined {
  const collisionCount = ds.status?.collisionCount ?? undefined;
  const hash = podTemplateHash(ds.spec?.template, collisionCount);
  const ns = ds.metadata.namespace;
  const metadata: KObject['metadata'] = {
    name: `${ds.metadata.name}-${hash}`,
    namespace: ns,
    labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name!, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true }],
  };
  if (ds.metadata.annotations) metadata.annotations = { ...ds.metadata.annotations };
  try {
    return ctx.api.create('controllerrevisions', ns, { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data, revision });
  } catch (e) {
    if (!(e instanceof StatusError) || e.reason !== 'AlreadyExists') throw e;
    const existing = ctx.api.tryGet('controllerrevisions', ns, metadata.name!) as RevisionObject | undefined;
    const ours = existing?.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid);
    if (existing && ours && sameJson(existing.data, data)) return existing;
    // A hash collision: count it in status, so that the next hash differs.
    ctx.api.updateStatus('daemonsets', ns, { ...ds, status: { ...ds.status, collisionCount: (collisionCount ?? 0) + 1 } });
    return undefined;
  }
}

/** `cleanupHistory`: old revisions no live pod runs, beyond `revisionHistoryLimit`, oldest first. */
export function cleanupHistory(ctx: SimContext, ds: DaemonSetObject, old: RevisionObject[], liveHashes: ReadonlySet<string>): void {
  const limit = ds.spec?.revisionHistoryLimit ?? 10;
  const unused = old.filter((r) => !liveHashes.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? ''));
  const excess = unused.length - limit;
  if (excess <= 0) return;
  unused.sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  for (const r of unused.slice(0, excess)) {
    try {
      ctx.api.delete('controllerrevisions', r.metadata.namespace, r.metadata.name!);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}
