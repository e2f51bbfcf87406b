/**
 * An informer: a cache of one resource kept current from the store's watch of that resource
 * (it never hears other resources' writes), with handlers for changes and a secondary index by
 * owner UID (what controllers ask most).
 */
import type { KObject } from '../core/object';
import type { Store, WatchEvent } from '../core/store';
import { joinKey, keyOf } from '../core/keys';

export type ChangeHandler = (obj: KObject, old: KObject | undefined, type: WatchEvent['type']) => void;

export class Informer {
  private cache = new Map<string, KObject>();
  private byOwner = new Map<string, Set<string>>();
  private handlers: ChangeHandler[] = [];

  constructor(store: Store, readonly resource: string) {
    for (const obj of store.list(resource)) this.put(obj);
    store.subscribe((e) => {
      const key = keyOf(e.object);
      const old = this.cache.get(key);
      if (e.type === 'DELETED') this.remove(key, old);
      else this.put(e.object, old);
      for (const h of this.handlers) h(e.object, old, e.type);
    }, resource);
  }

  onChange(handler: ChangeHandler): void {
    this.handlers.push(handler);
  }

  get(namespace: string | undefined, name: string): KObject | undefined {
    return this.cache.get(joinKey(namespace, name));
  }

  /** Every cached object, optionally in one namespace (unordered). */
  list(namespace?: string): KObject[] {
    const out: KObject[] = [];
    for (const o of this.cache.values()) if (namespace === undefined || o.metadata.namespace === namespace) out.push(o);
    return out;
  }

  /** Objects whose ownerReferences name `uid`. */
  ownedBy(uid: string): KObject[] {
    const keys = this.byOwner.get(uid);
    if (!keys) return [];
    const out: KObject[] = [];
    for (const k of keys) {
      const o = this.cache.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  get size(): number {
    return this.cache.size;
  }

  private put(obj: KObject, old?: KObject): void {
    const key = keyOf(obj);
    if (old) this.unindex(key, old);
    this.cache.set(key, obj);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.byOwner.get(ref.uid);
      if (!set) this.byOwner.set(ref.uid, (set = new Set()));
      set.add(key);
    }
  }

  private remove(key: string, old: KObject | undefined): void {
    if (old) this.unindex(key, old);
    this.cache.delete(key);
  }

  private unindex(key: string, old: KObject): void {
    for (const ref of old.metadata.ownerReferences ?? []) {
      const set = this.byOwner.get(ref.uid);
      set?.delete(key);
      if (set && set.size === 0) this.byOwner.delete(ref.uid);
    }
  }
}
