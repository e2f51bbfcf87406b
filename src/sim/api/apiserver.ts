/**
 * The simulated kube-apiserver. Requests are shaped like the REST API (verb, resource,
 * namespace, name, body, options) and go through decode → default → mutating admission →
 * validate → validating admission → store. What is particular to a kind lives in its strategy
 * (`kinds/`) and in the admission plugins (`admission/`), not here.
 * Errors are thrown as `StatusError`s carrying real Kubernetes `Status` objects.
 */
import type { Clock } from '../core/clock';
import { clone, deepEqual, isPlainObject, type KObject } from '../core/object';
import type { Rng } from '../core/rng';
import { SAFE_ALPHABET } from '../core/rng';
import type { Store, WatchHandler } from '../core/store';
import { admissionPlugins, PodUsage, type AdmissionPlugin, type AdmissionRequest } from './admission';
import { alreadyExists, conflict, invalid, notFound, statusError, type FieldError } from './errors';
import type { KindStrategy, StrategyContext } from '../kinds/strategy';
import { matchFields, parseFieldSelector } from './fields';
import { parseSelector, matchSelector } from '../core/labels';
import { applyPatch } from './patch';
import type { KindDefinition } from '../kinds';
import { apiVersionOf, Registry, type ResourceType } from './registry';
import type { DeleteOptions, ListOptions, PatchType, WriteOptions } from './types';
import { validateObjectMeta } from '../kinds/meta';
import { bytesDecodeError, decodeErrors, zeroNullItems } from './schema';
import { sameJson } from '../core/json-equal';

/** The api-server's limit on a request body (kube-apiserver's MaxRequestBodyBytes). */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;

export class ApiServer {
  readonly registry = new Registry();
  private readonly ctx: StrategyContext;
  readonly podUsage: PodUsage;
  /** The admission chain, in order. */
  readonly admission: readonly AdmissionPlugin[];

  constructor(
    readonly store: Store,
    readonly clock: Clock,
    private readonly rng: Rng,
  ) {
    this.ctx = { clock, rng, list: (r, ns) => this.store.list(r, ns) };
    this.podUsage = new PodUsage(store);
    this.admission = admissionPlugins(store, rng, this.podUsage);
  }

  // ---- reads ----

  get(resource: string, namespace: string | undefined, name: string): KObject {
    const t = this.type(resource);
    const obj = this.store.get(resource, t.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound(resource, t.group, name);
    return obj;
  }

  tryGet(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    const t = this.type(resource);
    return this.store.get(resource, t.namespaced ? namespace : undefined, name);
  }

  list(resource: string, namespace?: string, opts: ListOptions = {}): KObject[] {
    const t = this.type(resource);
    let items = this.store.list(resource, t.namespaced ? namespace : undefined);
    if (opts.labelSelector) {
      const sel = parseSelector(opts.labelSelector);
      items = items.filter((o) => matchSelector(sel, o.metadata.labels ?? {}));
    }
    if (opts.fieldSelector) {
      const reqs = parseFieldSelector(opts.fieldSelector);
      items = items.filter((o) => matchFields(reqs, o));
    }
    return items;
  }

  /** Every change, synchronously, as it is stored. */
  watch(handler: WatchHandler): () => void {
    return this.store.subscribe(handler);
  }

  // ---- writes ----

  create(resource: string, namespace: string | undefined, body: KObject, opts: WriteOptions = {}): KObject {
    const t = this.type(resource, 'create');
    const obj = this.decode(t, body, namespace, opts);
    const strategy = t.strategy;
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) meta.name = this.generateName(t, meta.namespace, meta.generateName);
    strategy.default?.(obj, this.ctx);
    const request: AdmissionRequest = { resource: t, object: obj, dryRun: !!opts.dryRun };
    for (const plugin of this.admission) plugin.admit?.(request);
    // A strategy may assign the uid itself (a Job's selector names it); any other is the server's.
    delete meta.uid;
    const allocation = strategy.prepareCreate?.(obj, this.ctx) ?? [];
    const errors = [...validateObjectMeta(obj, t), ...(strategy.validate?.(obj) ?? []), ...allocation];
    if (errors.length) throw invalid(t.kind, t.group, meta.name ?? '', errors);
    // Validating admission (namespace lifecycle, quota) sees the fully formed object, generated name included.
    for (const plugin of this.admission) plugin.validate?.(request);
    if (this.store.get(resource, meta.namespace, meta.name!)) throw alreadyExists(resource, t.group, meta.name!);
    meta.uid ??= this.rng.uuid();
    meta.creationTimestamp = this.clock.timestamp();
    if (strategy.tracksGeneration) meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (opts.dryRun) return obj;
    return this.store.create(resource, obj);
  }

  /** PUT: replaces the object. A set resourceVersion must match (optimistic concurrency). */
  update(resource: string, namespace: string | undefined, body: KObject, opts: WriteOptions = {}): KObject {
    const t = this.type(resource, 'update');
    const obj = this.decode(t, body, namespace, opts);
    const old = this.get(resource, obj.metadata.namespace, obj.metadata.name!);
    return this.replace(t, old, obj, opts);
  }

  /** PUT …/status: changes status only; spec and metadata stay as stored. */
  updateStatus(resource: string, namespace: string | undefined, body: KObject): KObject {
    const t = this.type(resource);
    const old = this.get(resource, t.namespaced ? namespace ?? body.metadata.namespace : undefined, body.metadata.name!);
    this.checkVersion(t, old, body);
    if (body.status === old.status) return old;
    return this.store.update(resource, { ...old, status: body.status });
  }

  /**
   * PUT namespaces/{name}/finalize: changes spec.finalizers only. A deleting namespace left
   * with no finalizers of either kind is removed (ShouldDeleteNamespaceDuringUpdate).
   */
  finalizeNamespace(name: string, finalizers: string[]): KObject {
    const old = this.get('namespaces', undefined, name);
    const obj = { ...old, spec: { ...(old.spec as object), finalizers } };
    if (old.metadata.deletionTimestamp && !finalizers.length && !(old.metadata.finalizers ?? []).length) return this.store.delete('namespaces', obj);
    return this.store.update('namespaces', obj);
  }

  patch(resource: string, namespace: string | undefined, name: string, patch: unknown, type: PatchType, opts: WriteOptions = {}): KObject {
    const t = this.type(resource, 'patch');
    const old = this.get(resource, namespace, name);
    const patched = applyPatch(old, patch, type, t.kind) as KObject;
    if (!isPlainObject(patched)) throw statusError('BadRequest', 'the patch did not produce an object');
    const obj = this.decode(t, patched, namespace, opts);
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    return this.replace(t, old, obj, opts);
  }

  /**
   * DELETE. Returns the object as it now is: gone, or still present with a deletionTimestamp
   * (graceful pod termination, finalizers, foreground/orphan propagation).
   */
  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KObject {
    const t = this.type(resource, 'delete');
    const strategy: KindStrategy = t.strategy;
    const old = this.get(resource, namespace, name);
    for (const plugin of this.admission) plugin.validateDelete?.(t, namespace, name);
    if (opts.preconditions?.uid && opts.preconditions.uid !== old.metadata.uid) {
      throw conflict(resource, t.group, name);
    }
    if (opts.dryRun) return old;
    const meta = { ...old.metadata };
    const finalizers = [...(meta.finalizers ?? [])];
    const policy = opts.propagationPolicy;
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion') && !meta.deletionTimestamp) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan') && !meta.deletionTimestamp) finalizers.push('orphan');
    if (strategy.markDeleting) {
      const marked = strategy.markDeleting(old, this.ctx);
      return marked === old ? old : this.store.update(resource, marked);
    }

    const grace = strategy.gracePeriod?.(old, opts.gracePeriodSeconds) ?? 0;
    if (finalizers.length === 0 && grace === 0) return this.store.delete(resource, old);

    if (grace > 0) {
      const at = this.clock.now() + grace * 1000;
      const current = meta.deletionTimestamp ? Date.parse(meta.deletionTimestamp) : Infinity;
      // A second delete may shorten the grace period, never lengthen it.
      if (at < current) {
        meta.deletionTimestamp = this.clock.timestamp(at);
        meta.deletionGracePeriodSeconds = grace;
      }
    } else if (!meta.deletionTimestamp) {
      meta.deletionTimestamp = this.clock.timestamp();
      meta.deletionGracePeriodSeconds = 0;
    }
    meta.finalizers = finalizers.length ? finalizers : undefined;
    if (!meta.finalizers) delete meta.finalizers;
    return this.store.update(resource, { ...old, metadata: meta });
  }

  // ---- internals ----

  /** The kind served as `resource`; with a verb, one the kind serves (a read-only kind has no route for writes). */
  type(resource: string, verb?: string): KindDefinition {
    const t = this.registry.byResource(resource);
    if (!t) throw statusError('NotFound', `the server could not find the requested resource`);
    if (verb && !t.verbs.includes(verb)) throw statusError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
    return t;
  }

  private replace(t: KindDefinition, old: KObject, obj: KObject, opts: WriteOptions): KObject {
    const strategy: KindStrategy = t.strategy;
    this.checkVersion(t, old, obj);
    const meta = obj.metadata;
    // Fields the server owns.
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp;
    if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
    if (strategy.hasStatus) {
      if (old.status === undefined) delete obj.status;
      else obj.status = old.status;
    }
    const allocation = strategy.prepareUpdate?.(obj, old, this.ctx) ?? [];
    strategy.default?.(obj, this.ctx);
    const errors = [...validateObjectMeta(obj, t), ...(strategy.validate?.(obj) ?? []), ...allocation, ...(strategy.validateUpdate?.(obj, old) ?? [])];
    if (old.metadata.deletionTimestamp) {
      const added = (meta.finalizers ?? []).filter((f) => !(old.metadata.finalizers ?? []).includes(f));
      if (added.length) {
        errors.push({ type: 'Forbidden', field: 'metadata.finalizers', detail: `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}` });
      }
    }
    if (errors.length) throw invalid(t.kind, t.group, meta.name!, errors);
    for (const plugin of this.admission) plugin.validateUpdate?.(t, obj, old);
    if (strategy.tracksGeneration) {
      const gen = old.metadata.generation ?? 1;
      meta.generation = sameJson(obj.spec, old.spec) ? gen : gen + 1;
    }
    if (opts.dryRun) return { ...obj, metadata: { ...meta, resourceVersion: old.metadata.resourceVersion } };
    // The last finalizer removed from a deleting object completes the delete.
    // An object still inside its grace period is removed by whoever stops it (a pod's kubelet).
    const gracefulPending = !!strategy.gracePeriod && (meta.deletionGracePeriodSeconds ?? 0) > 0;
    if (meta.deletionTimestamp && !(meta.finalizers ?? []).length && !gracefulPending && !strategy.holdsDeletion?.(obj)) {
      return this.store.delete(t.plural, obj);
    }
    if (sameContent(old, obj)) return old;
    return this.store.update(t.plural, obj);
  }

  private checkVersion(t: ResourceType, old: KObject, obj: KObject): void {
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(t.plural, t.group, old.metadata.name!);
  }

  /** Turns a request body into a private, well-formed object of type `t`. */
  private decode(t: ResourceType, body: KObject, namespace: string | undefined, opts: WriteOptions): KObject {
    if (opts.fieldValidation) checkSize(body);
    // fieldValidation=Strict (kubectl's default): unknown fields and wrong JSON types are rejected.
    if (opts.fieldValidation === 'Strict') {
      const strict = decodeErrors(body, t.kind);
      if (strict) throw statusError('BadRequest', strict);
    } else {
      const bytes = bytesDecodeError(body, t.kind);
      if (bytes) throw statusError('BadRequest', bytes);
    }
    const obj = opts.bodyOwned ? body : clone(body);
    zeroNullItems(obj, t.kind);
    obj.apiVersion = apiVersionOf(t);
    obj.kind = t.kind;
    obj.metadata = isPlainObject(obj.metadata) ? obj.metadata : {};
    if (t.namespaced) {
      const ns = obj.metadata.namespace ?? namespace ?? 'default';
      if (namespace && obj.metadata.namespace && obj.metadata.namespace !== namespace) {
        throw statusError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = ns;
    } else {
      delete obj.metadata.namespace;
    }
    return obj;
  }

  private generateName(t: ResourceType, namespace: string | undefined, prefix: string): string {
    const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
    for (;;) {
      const name = base + this.rng.string(5, SAFE_ALPHABET);
      if (!this.store.get(t.plural, namespace, name)) return name;
    }
  }
}

function checkSize(body: KObject): void {
  const size = JSON.stringify(body).length;
  if (size > MAX_REQUEST_BYTES) {
    throw statusError('RequestEntityTooLarge', `Request entity too large: limit is ${MAX_REQUEST_BYTES}`);
  }
}

function sameContent(a: KObject, b: KObject): boolean {
  const { resourceVersion: _a, ...metaA } = a.metadata;
  const { resourceVersion: _b, ...metaB } = b.metadata;
  return deepEqual({ ...a, metadata: metaA }, { ...b, metadata: metaB });
}

export type { FieldError };
