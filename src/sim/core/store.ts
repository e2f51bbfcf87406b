/**
 * The etcd of the simulation: versioned objects under one global resourceVersion, optimistic
 * concurrency, and a change log that watchers read from any resourceVersion.
 * Objects handed out are never mutated in place: every write stores a new object.
 */
import type { KObject } from './object';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  /** Plural resource name, e.g. `pods`. */
  resource: string;
  object: KObject;
  rv: number;
}

export type WatchHandler = (event: WatchEvent) => void;

/** A watcher, numbered in the order it subscribed: delivery follows that order. */
interface Subscription {
  seq: number;
  handler: WatchHandler;
  active: boolean;
}

const NO_SUBSCRIPTIONS: readonly Subscription[] = [];

/**
 * How many changes the log keeps for late watchers, like kube-apiserver's watch cache (100 per
 * resource by default); older resourceVersions are "too old". The log holds whole objects: at
 * 100,000 a long session kept up to 100,000 pod copies alive (the heap of a 6,000-manifest run
 * went from 260 MB to 1.3 GB), for watchers that never ask further back than a few changes.
 */
export const LOG_LIMIT = 1_000;

/** One resource's objects by namespace ('' for cluster-scoped), then name: no key strings to build per lookup. */
interface Bucket {
  byNamespace: Map<string, Map<string, KObject>>;
  size: number;
}

export class Store {
  private data = new Map<string, Bucket>();
  private rv = 0;
  private log: WatchEvent[] = [];
  /** Watchers of every resource, and watchers of one resource (copy-on-write lists). */
  private everything: readonly Subscription[] = [];
  private byResource = new Map<string, readonly Subscription[]>();
  private subscriptions = 0;
  private pendingEvents: WatchEvent[] = [];
  private emitting = false;

  constructor(private readonly freeze = false) {}

  get resourceVersion(): number {
    return this.rv;
  }

  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.data.get(resource)?.byNamespace.get(namespace || '')?.get(name);
  }

  /** All objects of a resource, optionally in one namespace, ordered by namespace then name. */
  list(resource: string, namespace?: string): KObject[] {
    const bucket = this.data.get(resource);
    if (!bucket) return [];
    const out: KObject[] = [];
    if (namespace === undefined) {
      for (const objects of bucket.byNamespace.values()) for (const obj of objects.values()) out.push(obj);
    } else {
      // Objects are filed under their own metadata.namespace, so one map holds exactly these.
      const objects = bucket.byNamespace.get(namespace);
      if (objects) for (const obj of objects.values()) if (obj.metadata.namespace === namespace) out.push(obj);
    }
    return out.sort(byNamespaceAndName);
  }

  count(resource: string): number {
    return this.data.get(resource)?.size ?? 0;
  }

  resources(): string[] {
    return [...this.data.keys()];
  }

  /** Stores a new object; the caller has checked it does not exist. Returns the stored object. */
  create(resource: string, obj: KObject): KObject {
    return this.write('ADDED', resource, obj);
  }

  update(resource: string, obj: KObject): KObject {
    return this.write('MODIFIED', resource, obj);
  }

  delete(resource: string, obj: KObject): KObject {
    const bucket = this.data.get(resource);
    const objects = bucket?.byNamespace.get(obj.metadata.namespace || '');
    if (bucket && objects?.delete(obj.metadata.name!)) bucket.size--;
    const rv = ++this.rv;
    const stored = this.seal({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } });
    this.emit({ type: 'DELETED', resource, object: stored, rv });
    return stored;
  }

  /** Changes after `fromRv` still in the log, or undefined if the log no longer reaches back. */
  changesSince(fromRv: number): WatchEvent[] | undefined {
    if (fromRv >= this.rv) return [];
    const first = this.log[0];
    if (!first || first.rv > fromRv + 1) return undefined;
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid].rv <= fromRv) lo = mid + 1;
      else hi = mid;
    }
    return this.log.slice(lo);
  }

  /**
   * Calls `handler` synchronously for every later change, or only for changes of `resource`
   * (an informer hears its own resource's writes, not every write). Returns the unsubscribe function.
   */
  subscribe(handler: WatchHandler, resource?: string): () => void {
    const sub: Subscription = { seq: this.subscriptions++, handler, active: true };
    if (resource === undefined) this.everything = [...this.everything, sub];
    else this.byResource.set(resource, [...(this.byResource.get(resource) ?? NO_SUBSCRIPTIONS), sub]);
    return () => {
      if (!sub.active) return;
      sub.active = false;
      if (resource === undefined) this.everything = this.everything.filter((s) => s !== sub);
      else this.byResource.set(resource, this.byResource.get(resource)!.filter((s) => s !== sub));
    };
  }

  private write(type: WatchEventType, resource: string, obj: KObject): KObject {
    let bucket = this.data.get(resource);
    if (!bucket) this.data.set(resource, (bucket = { byNamespace: new Map(), size: 0 }));
    const rv = ++this.rv;
    const stored = this.seal({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } });
    const ns = stored.metadata.namespace || '';
    let objects = bucket.byNamespace.get(ns);
    if (!objects) bucket.byNamespace.set(ns, (objects = new Map()));
    const name = stored.metadata.name!;
    if (!objects.has(name)) bucket.size++;
    objects.set(name, stored);
    this.emit({ type, resource, object: stored, rv });
    return stored;
  }

  /**
   * Delivers events in resourceVersion order to every handler. A write made by a handler is
   * queued until the current event has reached all handlers, so no cache sees changes out of order.
   */
  private emit(event: WatchEvent): void {
    this.log.push(event);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT / 2);
    this.pendingEvents.push(event);
    if (this.emitting) return;
    this.emitting = true;
    try {
      for (let i = 0; i < this.pendingEvents.length; i++) this.deliver(this.pendingEvents[i]);
    } finally {
      this.pendingEvents = [];
      this.emitting = false;
    }
  }

  /** The resource's watchers and the watchers of everything, merged in subscription order. */
  private deliver(event: WatchEvent): void {
    const some = this.byResource.get(event.resource) ?? NO_SUBSCRIPTIONS;
    const all = this.everything;
    let i = 0;
    let j = 0;
    while (i < some.length || j < all.length) {
      const sub = j >= all.length || (i < some.length && some[i].seq < all[j].seq) ? some[i++] : all[j++];
      if (sub.active) sub.handler(event);
    }
  }

  private seal(obj: KObject): KObject {
    return this.freeze ? deepFreeze(obj) : obj;
  }
}

function byNamespaceAndName(a: KObject, b: KObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name!;
  const mb = b.metadata.name!;
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
