/**
 * Strategic merge patch (Kubernetes' patch type `application/strategic-merge-patch+json`):
 * like a JSON merge patch, but lists whose Go field has a `patchMergeKey` are merged
 * element by element, and the directives `$patch: replace|delete`,
 * `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>` and `$retainKeys` are honoured.
 */
import { isPlainObject, setOwn } from '../core/object';

type Obj = Record<string, unknown>;

/** Merge keys of the list fields in the served kinds (field name → key), from the Go struct tags. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  resourceClaims: 'name',
  schedulingGates: 'name',
  topologySpreadConstraints: 'topologyKey',
  addresses: 'type',
};

/** Lists of scalars merged as sets (`patchStrategy:"merge"` on a []string). */
const PRIMITIVE_MERGE_LISTS = new Set(['finalizers']);

/** The merge key of list `field` whose elements look like `sample`, or undefined for atomic lists. */
export function mergeKeyFor(field: string, path: readonly string[]): string | undefined {
  if (field === 'ports') return path.includes('containers') || path.includes('initContainers') || path.includes('ephemeralContainers') ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

export function isPrimitiveMergeList(field: string): boolean {
  return PRIMITIVE_MERGE_LISTS.has(field);
}

export class PatchError extends Error {}

export function strategicMerge(target: unknown, patch: unknown, path: readonly string[] = []): unknown {
  if (!isPlainObject(patch)) return patch;
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch !== undefined) throw new PatchError(`Unknown patch type: ${String(patch.$patch)} in map: ${JSON.stringify(patch)}`);
  const out: Obj = isPlainObject(target) ? { ...target } : {};
  if (Object.prototype.hasOwnProperty.call(patch, '$retainKeys')) retainKeys(out, patch);
  const orders: [string, unknown[]][] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/')) {
      if (Array.isArray(v)) orders.push([k.slice('$setElementOrder/'.length), v]);
      continue;
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const remove = Array.isArray(v) ? v : [];
      if (Array.isArray(out[field])) setOwn(out, field, (out[field] as unknown[]).filter((x) => !remove.some((r) => r === x)));
      continue;
    }
    if (k === '$retainKeys') continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    const merged = mergeField(out[k], v, k, [...path, k]);
    if (merged === undefined) delete out[k];
    else setOwn(out, k, merged);
  }
  for (const [field, order] of orders) {
    if (Array.isArray(out[field])) setOwn(out, field, applyOrder(out[field] as unknown[], order, mergeKeyFor(field, path)));
  }
  return out;
}

/**
 * applyRetainKeysDirective: `$retainKeys` lists the keys the merged map keeps (kubectl sends it
 * for fields with patchStrategy retainKeys, e.g. a Deployment's strategy), so switching to
 * Recreate drops `rollingUpdate`. Every key the patch sets must be in the list.
 */
function retainKeys(out: Obj, patch: Obj): void {
  const keep = patch.$retainKeys;
  if (!Array.isArray(keep)) throw new PatchError('invalid patch format of retainKeys');
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$retainKeys' || v === null || k.startsWith('$deleteFromPrimitiveList/') || k.startsWith('$setElementOrder/')) continue;
    if (!keep.includes(k)) throw new PatchError('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(out)) if (!keep.includes(k)) delete out[k];
}

function mergeField(current: unknown, v: unknown, field: string, path: string[]): unknown {
  if (Array.isArray(v)) {
    const key = mergeKeyFor(field, path);
    if (key) return mergeList(Array.isArray(current) ? current : [], v, key, path);
    if (isPrimitiveMergeList(field)) {
      const base = Array.isArray(current) ? [...current] : [];
      for (const x of v) if (!base.includes(x)) base.push(x);
      return base;
    }
    return v.map((x) => (isPlainObject(x) ? stripDirectives(x) : x));
  }
  if (isPlainObject(v)) return strategicMerge(isPlainObject(current) ? current : undefined, v, path);
  return v;
}

function mergeList(current: unknown[], patch: unknown[], key: string, path: string[]): unknown[] {
  if (patch.some((p) => isPlainObject(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isPlainObject(p) && p.$patch === 'replace')).map((p) => (isPlainObject(p) ? stripDirectives(p) : p));
  }
  const out = [...current];
  for (const item of patch) {
    if (!isPlainObject(item)) {
      out.push(item);
      continue;
    }
    const index = out.findIndex((c) => isPlainObject(c) && c[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (index >= 0) out[index] = strategicMerge(out[index], item, path);
    else out.push(strategicMerge(undefined, item, path));
  }
  return out;
}

/** Elements named in `$setElementOrder` come first in that order; the rest keep their order after them. */
function applyOrder(items: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const id = (x: unknown) => (key && isPlainObject(x) ? x[key] : x);
  const wanted = order.map(id);
  const ranked = items.filter((x) => wanted.includes(id(x))).sort((a, b) => wanted.indexOf(id(a)) - wanted.indexOf(id(b)));
  return [...ranked, ...items.filter((x) => !wanted.includes(id(x)))];
}

function stripDirectives(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === '$patch' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/') || k === '$retainKeys') continue;
    setOwn(out, k, isPlainObject(v) ? stripDirectives(v) : v);
  }
  return out;
}
