/**
 * The patches `kubectl apply` computes client-side (CreateThreeWayMergePatch in
 * apimachinery's strategicpatch): deletions come from last-applied → new config, changes from
 * live → new config. An empty patch (`{}`) means "unchanged".
 */
import { isPlainObject, setOwn } from '../core/object';
import { isPrimitiveMergeList, mergeKeyFor, strategicMerge } from './strategic-merge';

type Obj = Record<string, unknown>;

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Patch turning `original` into `modified`: changed and added fields, and `null` (or
 * `$patch: delete` for keyed list elements) for removed ones.
 */
export function createTwoWayMergePatch(original: unknown, modified: unknown, kind?: string): Obj {
  return diffMaps(asObj(original), asObj(modified), [], { additions: true, deletions: true, kind });
}

/**
 * kubectl apply's patch: `original` is the last-applied configuration (or undefined),
 * `modified` the new configuration, `current` the live object.
 */
export function threeWayMergePatch(original: unknown, modified: unknown, current: unknown, kind?: string): Obj {
  const deletions = diffMaps(asObj(original), asObj(modified), [], { additions: false, deletions: true, kind });
  const delta = diffMaps(asObj(current), asObj(modified), [], { additions: true, deletions: false, kind });
  return mergePatches(deletions, delta);
}

/** True when a patch would change nothing. */
export function isEmptyPatch(patch: Obj): boolean {
  return Object.keys(patch).length === 0;
}

function asObj(v: unknown): Obj {
  return isPlainObject(v) ? v : {};
}

interface Mode {
  additions: boolean;
  deletions: boolean;
  kind?: string;
}

/**
 * Maps whose Go field has patchStrategy retainKeys: a Deployment's `spec.strategy` and each
 * element of a pod spec's `volumes` (`path` is the map's own path; list elements share the list's).
 */
function retainsKeys(path: readonly string[], kind: string | undefined): boolean {
  if (path[path.length - 1] === 'volumes') return true;
  return kind === 'Deployment' && path.length === 2 && path[0] === 'spec' && path[1] === 'strategy';
}

/** A key of `from` with a value that `to` lacks (strategicpatch's hasAdditionalNewField). */
function hasAdditionalField(from: Obj, to: Obj): boolean {
  return Object.keys(from).some((k) => from[k] !== null && !Object.prototype.hasOwnProperty.call(to, k));
}

function diffMaps(from: Obj, to: Obj, path: string[], mode: Mode): Obj {
  const patch: Obj = {};
  if (mode.deletions) {
    for (const k of Object.keys(from)) {
      if (!Object.prototype.hasOwnProperty.call(to, k)) setOwn(patch, k, null);
    }
  }
  for (const [k, v] of Object.entries(to)) {
    const old = Object.prototype.hasOwnProperty.call(from, k) ? from[k] : undefined;
    if (equal(old, v)) continue;
    if (isPlainObject(v) && isPlainObject(old)) {
      const sub = diffMaps(old, v, [...path, k], mode);
      if (Object.keys(sub).length) setOwn(patch, k, sub);
      continue;
    }
    if (Array.isArray(v) && Array.isArray(old)) {
      const key = mergeKeyFor(k, path);
      if (old.length === 0 && (key || isPrimitiveMergeList(k))) {
        if (mode.additions) setOwn(patch, k, v);
        continue;
      }
      if (key && v.every(isPlainObject) && old.every(isPlainObject)) {
        const sub = diffKeyedList(old as Obj[], v as Obj[], key, [...path, k], mode);
        if (sub.length) setOwn(patch, k, sub);
        // `$setElementOrder`: the new order, sent with any change (and, for the live diff, a reorder).
        const sameOrder = old.length === v.length && v.every((x, i) => (old[i] as Obj)[key] === (x as Obj)[key]);
        if ((mode.additions && (sub.length || !sameOrder)) || (mode.deletions && sub.length)) {
          setOwn(patch, `$setElementOrder/${k}`, (v as Obj[]).map((x) => ({ [key]: x[key] })));
        }
        continue;
      }
      if (isPrimitiveMergeList(k)) {
        const added = v.filter((x) => !old.includes(x));
        const removed = old.filter((x) => !v.includes(x));
        if (mode.additions && added.length) setOwn(patch, k, added);
        if (mode.deletions && removed.length) setOwn(patch, `$deleteFromPrimitiveList/${k}`, removed);
        if (mode.additions || removed.length) setOwn(patch, `$setElementOrder/${k}`, v);
        continue;
      }
    }
    if (mode.additions) setOwn(patch, k, v);
  }
  // diffMaps' `$retainKeys`: every key the new map sets, sent when anything changed or must go.
  if (retainsKeys(path, mode.kind)) {
    const keys = Object.keys(to).filter((k) => to[k] !== null).sort();
    if (keys.length && (Object.keys(patch).length || hasAdditionalField(from, to))) setOwn(patch, '$retainKeys', keys);
  }
  return patch;
}

/** Changed and added elements in the new order, then the deletions (diffLists' normalizeSliceOrder). */
function diffKeyedList(from: Obj[], to: Obj[], key: string, path: string[], mode: Mode): Obj[] {
  const out: Obj[] = [];
  for (const t of to) {
    const o = from.find((f) => f[key] === t[key]);
    if (!o) {
      if (mode.additions) out.push(t);
      continue;
    }
    const sub = diffMaps(o, t, path, mode);
    if (Object.keys(sub).length) out.push({ ...sub, [key]: t[key] });
  }
  if (mode.deletions) {
    for (const o of from) if (!to.some((t) => t[key] === o[key])) out.push({ [key]: o[key], $patch: 'delete' });
  }
  return out;
}

/**
 * Combines the deletion and change patches (the change patch wins on conflicts); elements of
 * keyed lists that both patches touch become one element, as strategicpatch's mergeMap does.
 */
function mergePatches(a: Obj, b: Obj, path: string[] = []): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    if (k.startsWith('$')) setOwn(out, k, v);
    else if (isPlainObject(prev) && isPlainObject(v)) setOwn(out, k, mergePatches(prev, v, [...path, k]));
    else if (Array.isArray(prev) && Array.isArray(v) && prev.every(isPlainObject) && v.every(isPlainObject)) setOwn(out, k, mergeKeyedLists(prev as Obj[], v as Obj[], mergeKeyFor(k, path), [...path, k]));
    else setOwn(out, k, v);
  }
  return out;
}

function mergeKeyedLists(a: Obj[], b: Obj[], key: string | undefined, path: string[]): Obj[] {
  const out = [...a];
  for (const item of b) {
    const i = key ? out.findIndex((o) => o[key] === item[key]) : -1;
    if (i >= 0) out[i] = mergePatches(out[i], item, path);
    else out.push(item);
  }
  return out;
}

export { strategicMerge };
