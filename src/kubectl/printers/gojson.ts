/**
 * JSON as Go's encoding/json writes kubectl's unstructured objects: map keys sorted, `<`, `>`,
 * `&`, U+2028 and U+2029 escaped; and Go's `%#v` of such data (jsonpath error messages).
 */

/** Deep copy with object keys in sorted order (Go marshals maps sorted by key). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      // `__proto__` must stay a plain key, not set the prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: sortKeys(v), enumerable: true, writable: true, configurable: true });
      else out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** A shallow copy of a map with its keys sorted, or the map itself when already sorted. */
function sortedShallow(obj: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(obj);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) if (keys[i - 1] > keys[i]) sorted = false;
  if (sorted && !keys.includes('__proto__')) return obj;
  const out: Record<string, unknown> = {};
  for (const k of keys.sort()) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
    else out[k] = obj[k];
  }
  return out;
}

/** JSON.stringify with Go's sorted map keys (native speed; copies only unsorted maps). */
function marshal(value: unknown, indent: string, keepOrder: boolean): string {
  const replacer = keepOrder
    ? undefined
    : (_key: string, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? sortedShallow(v as Record<string, unknown>) : v);
  return JSON.stringify(value, replacer, indent) ?? 'null';
}

function escapeHtml(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** `json.Marshal`: compact, sorted keys. */
export function goJson(value: unknown): string {
  return escapeHtml(marshal(value, '', false));
}

/**
 * `json.MarshalIndent(v, "", "    ")`: what `kubectl get -o json` prints (plus a newline).
 * Unstructured objects (everything read from the server) marshal with sorted keys; typed
 * objects (client-side generators, `--dry-run=client`) keep their struct field order, so a
 * caller that built the object in Go's field order passes `keepOrder`.
 */
export function goJsonIndent(value: unknown, keepOrder = false): string {
  return escapeHtml(marshal(value, '    ', keepOrder));
}

/** Go's type name for a decoded JSON value (`map[string]interface {}`, `string`, `int64`…). */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}';
  if (Array.isArray(value)) return '[]interface {}';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int64' : 'float64';
    default:
      return 'map[string]interface {}';
  }
}

/** Go's `%#v` of decoded JSON data. */
export function goSyntax(value: unknown, inInterface = false): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (Array.isArray(value)) return `[]interface {}{${value.map((v) => goSyntax(v, true)).join(', ')}}`;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'number':
      return inInterface || !Number.isInteger(value) ? String(value) : String(value);
    default: {
      const obj = value as Record<string, unknown>;
      const entries = Object.keys(obj)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${goSyntax(obj[k], true)}`);
      return `map[string]interface {}{${entries.join(', ')}}`;
    }
  }
}
