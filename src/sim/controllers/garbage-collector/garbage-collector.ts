/**
 * The garbage collector (pkg/controller/garbagecollector), over every resource except Events:
 * - dependents whose owners are all gone are deleted (background cascading);
 * - an owner deleting with `foregroundDeletion` waits for dependents with blockOwnerDeletion,
 *   deleting them first, then loses the finalizer;
 * - an owner deleting with `orphan` has its ownerReferences removed from dependents, then
 *   loses the finalizer.
 * Owners and dependents are indexed by UID, so a change costs O(its references).
 */
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { KObject, OwnerReference } from '../../core/object';
import type { WatchEvent } from '../../core/store';
import { WorkQueue } from '../../informers/workqueue';

interface Ref {
  resource: string;
  namespace?: string;
  name: string;
}

const SKIPPED = new Set(['events']);

export class GarbageCollector {
  readonly queue: WorkQueue;
  private byUid = new Map<string, Ref>();
  /** owner UID → dependent ids. */
  private dependents = new Map<string, Set<string>>();
  /** dependent id → owner UIDs it is indexed under. */
  private ownersOf = new Map<string, string[]>();

  constructor(private readonly ctx: SimContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.process(key), 'garbage-collector');
    for (const resource of ctx.store.resources()) {
      for (const obj of ctx.store.list(resource)) this.observe({ type: 'ADDED', resource, object: obj, rv: 0 });
    }
    ctx.store.subscribe((e) => this.observe(e));
  }

  /** Dependents (any resource) that reference `uid`. */
  dependentsOf(uid: string): KObject[] {
    const out: KObject[] = [];
    for (const id of this.dependents.get(uid) ?? []) {
      const o = this.load(id);
      if (o) out.push(o);
    }
    return out;
  }

  private observe(e: WatchEvent): void {
    if (SKIPPED.has(e.resource)) return;
    const obj = e.object;
    const uid = obj.metadata.uid!;
    const id = idOf(e.resource, obj);
    const refs = obj.metadata.ownerReferences ?? [];
    const previous = this.ownersOf.get(id) ?? [];
    // Hot path: most changes are status updates that neither delete nor re-parent anything.
    if (e.type === 'MODIFIED' && !obj.metadata.deletionTimestamp && sameOwners(previous, refs)) return;
    for (const owner of previous) this.dependents.get(owner)?.delete(id);
    this.ownersOf.delete(id);

    if (e.type === 'DELETED') {
      this.byUid.delete(uid);
      // Its dependents may now be dangling; its deleting owners may now be unblocked.
      for (const dep of this.dependents.get(uid) ?? []) this.queue.add(`dep:${dep}`);
      for (const owner of previous) this.enqueueOwner(owner);
      return;
    }
    this.byUid.set(uid, { resource: e.resource, namespace: obj.metadata.namespace, name: obj.metadata.name! });
    if (refs.length) {
      const uids = refs.map((r) => r.uid);
      this.ownersOf.set(id, uids);
      for (const owner of uids) {
        let set = this.dependents.get(owner);
        if (!set) this.dependents.set(owner, (set = new Set()));
        set.add(id);
      }
      if (e.type === 'ADDED' || !sameOwners(previous, refs)) this.queue.add(`dep:${id}`);
    }
    // Owners whose dependents changed (a dependent started deleting, lost a reference) look again.
    for (const owner of new Set([...previous, ...refs.map((r) => r.uid)])) this.enqueueOwner(owner);
    if (obj.metadata.deletionTimestamp && hasAny(obj, ['foregroundDeletion', 'orphan'])) {
      this.queue.add(`owner:${id}`);
      if (hasAny(obj, ['foregroundDeletion'])) for (const dep of this.dependents.get(uid) ?? []) this.queue.add(`dep:${dep}`);
    }
  }

  private enqueueOwner(uid: string): void {
    const ref = this.byUid.get(uid);
    if (!ref) return;
    const owner = this.ctx.store.get(ref.resource, ref.namespace, ref.name);
    if (owner?.metadata.deletionTimestamp && hasAny(owner, ['foregroundDeletion', 'orphan'])) this.queue.add(`owner:${idOf(ref.resource, owner)}`);
  }

  private process(key: string): void {
    const i = key.indexOf(':');
    const kind = key.slice(0, i);
    const id = key.slice(i + 1);
    try {
      if (kind === 'dep') this.attemptToDelete(id);
      else this.processOwner(id);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      // The object changed or vanished under us: its watch event brings it back.
    }
  }

  /** `attemptToDeleteItem`: classify owners as solid, dangling or waiting for dependents. */
  private attemptToDelete(id: string): void {
    const obj = this.load(id);
    if (!obj) return;
    const resource = id.split('|')[0];
    if (obj.metadata.deletionTimestamp && !hasAny(obj, ['foregroundDeletion'])) return;
    const refs = obj.metadata.ownerReferences ?? [];
    if (!refs.length) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const owner = this.owner(ref, obj);
      if (!owner) dangling.push(ref);
      else if (owner.metadata.deletionTimestamp && hasAny(owner, ['foregroundDeletion'])) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length) {
      if (!dangling.length && !waiting.length) return;
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      this.setOwnerRefs(resource, obj, refs.filter((r) => !drop.has(r.uid)));
      return;
    }
    if (obj.metadata.deletionTimestamp) return;
    const hasDependents = (this.dependents.get(obj.metadata.uid!)?.size ?? 0) > 0;
    let policy: 'Background' | 'Foreground' | 'Orphan' = 'Background';
    if (waiting.length && hasDependents) policy = 'Foreground';
    else if (hasAny(obj, ['orphan'])) policy = 'Orphan';
    else if (hasAny(obj, ['foregroundDeletion'])) policy = 'Foreground';
    this.ctx.api.delete(resource, obj.metadata.namespace, obj.metadata.name!, { propagationPolicy: policy, preconditions: { uid: obj.metadata.uid } });
  }

  /** Orphan or foreground processing of an owner that is being deleted. */
  private processOwner(id: string): void {
    const owner = this.load(id);
    if (!owner?.metadata.deletionTimestamp) return;
    const resource = id.split('|')[0];
    const uid = owner.metadata.uid!;
    if (hasAny(owner, ['orphan'])) {
      for (const dep of this.dependentsOf(uid)) {
        const depResource = this.byUid.get(dep.metadata.uid!)?.resource;
        if (!depResource) continue;
        this.setOwnerRefs(depResource, dep, (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid));
      }
      this.removeFinalizer(resource, id, 'orphan');
      return;
    }
    if (hasAny(owner, ['foregroundDeletion'])) {
      const blocking = this.dependentsOf(uid).filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion));
      if (blocking.length === 0) {
        this.removeFinalizer(resource, id, 'foregroundDeletion');
        return;
      }
      for (const dep of blocking) {
        if (!(dep.metadata.deletionTimestamp && hasAny(dep, ['foregroundDeletion']))) {
          const depResource = this.byUid.get(dep.metadata.uid!)?.resource;
          if (depResource) this.queue.add(`dep:${idOf(depResource, dep)}`);
        }
      }
    }
  }

  private owner(ref: OwnerReference, dependent: KObject): KObject | undefined {
    const at = this.byUid.get(ref.uid);
    if (!at) return undefined;
    // A namespaced owner must live in its dependent's namespace.
    if (at.namespace !== undefined && at.namespace !== dependent.metadata.namespace) return undefined;
    return this.ctx.store.get(at.resource, at.namespace, at.name);
  }

  private setOwnerRefs(resource: string, obj: KObject, refs: OwnerReference[]): void {
    const current = this.ctx.store.get(resource, obj.metadata.namespace, obj.metadata.name!);
    if (!current || current.metadata.uid !== obj.metadata.uid) return;
    const metadata = { ...current.metadata, ownerReferences: refs };
    if (!refs.length) delete (metadata as { ownerReferences?: OwnerReference[] }).ownerReferences;
    this.ctx.api.update(resource, current.metadata.namespace, { ...current, metadata });
  }

  private removeFinalizer(resource: string, id: string, finalizer: string): void {
    const current = this.load(id);
    if (!current) return;
    const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const metadata = { ...current.metadata, finalizers };
    if (!finalizers.length) delete (metadata as { finalizers?: string[] }).finalizers;
    this.ctx.api.update(resource, current.metadata.namespace, { ...current, metadata });
  }

  private load(id: string): KObject | undefined {
    const [resource, ns, name] = id.split('|');
    return this.ctx.store.get(resource, ns || undefined, name);
  }
}

export function startGarbageCollector(ctx: SimContext): GarbageCollector {
  return new GarbageCollector(ctx);
}

function idOf(resource: string, obj: KObject): string {
  return `${resource}|${obj.metadata.namespace ?? ''}|${obj.metadata.name}`;
}

function hasAny(obj: KObject, finalizers: string[]): boolean {
  return (obj.metadata.finalizers ?? []).some((f) => finalizers.includes(f));
}

function sameOwners(uids: string[], refs: OwnerReference[]): boolean {
  return uids.length === refs.length && refs.every((r, i) => r.uid === uids[i]);
}
