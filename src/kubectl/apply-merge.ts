/**
 * Client-side apply's three-way merge: the last applied configuration (original), the new
 * configuration (modified) and the live object (current) give the object the api-server ends
 * up with after kubectl's strategic merge patch. Lists with a patch merge key (containers by
 * `name`, container ports by `containerPort`, service ports by `port`, …) merge item by item;
 * other lists are replaced. Fields dropped from the configuration since the last apply are
 * removed; fields set only by the server or other clients stay.
 */
import { clone, isPlainObject, setOwn } from '../sim/object';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Merge keys of the lists kubectl users write, by field name. */
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
  topologySpreadConstraints: 'topologyKey',
  ownerReferences: 'uid',
  resourceClaims: 'name',
};

function mergeKeyFor(field: string | undefined, items: unknown[]): string | undefined {
  if (!field) return undefined;
  if (field === 'ports') {
    const first = items.find(isPlainObject);
    if (first && 'containerPort' in first) return 'containerPort';
    if (first && 'port' in first) return 'port';
    return undefined;
  }
  return MERGE_KEYS[field];
}

export function threeWayMerge(current: unknown, modified: unknown, original: unknown, field?: string): unknown {
  if (isPlainObject(modified)) {
    const out: Record<string, unknown> = isPlainObject(current) ? { ...current } : {};
    const orig = isPlainObject(original) ? original : undefined;
    for (const [k, v] of Object.entries(modified)) {
      if (v === null) delete out[k];
      else setOwn(out, k, threeWayMerge(out[k], v, orig?.[k], k));
    }
    if (orig) for (const k of Object.keys(orig)) if (!Object.prototype.hasOwnProperty.call(modified, k)) delete out[k];
    return out;
  }
  if (Array.isArray(modified)) {
    const key = mergeKeyFor(field, modified);
    if (!key || !modified.every((m) => isPlainObject(m) && m[key] !== undefined)) return clone(modified);
    const curItems = Array.isArray(current) ? current.filter(isPlainObject) : [];
    const origItems = Array.isArray(original) ? original.filter(isPlainObject) : [];
    const find = (list: Record<string, unknown>[], v: unknown) => list.find((i) => i[key] === v);
    const out: unknown[] = modified.map((m) => {
      const item = m as Record<string, unknown>;
      return threeWayMerge(find(curItems, item[key]), item, find(origItems, item[key]));
    });
    // Items only the server (or another client) added stay; items dropped from the config go.
    for (const c of curItems) {
      if (find(modified as Record<string, unknown>[], c[key]) || find(origItems, c[key])) continue;
      out.push(c);
    }
    return out;
  }
  return modified;
}

/**
 * The annotation value kubectl stores: the configuration without the annotation itself, as
 * Go's json encoder writes it (sorted keys, `<>&` escaped, trailing newline).
 */
export function lastAppliedValue(config: Record<string, unknown>): string {
  const copy = clone(config) as { metadata?: { annotations?: Record<string, string> } };
  copy.metadata = copy.metadata ?? {};
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  copy.metadata.annotations = annotations;
  return `${goJsonCompact(copy)}\n`;
}

/** Go's json.Marshal of a map: keys sorted, HTML-sensitive characters escaped. */
export function goJsonCompact(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) setOwn(out, k, sort(v[k]));
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}
