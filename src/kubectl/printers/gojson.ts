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
      if (v !== undefined) Object.defineProperty(out, k, { value: sortKeys(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function escapeHtml(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** `json.Marshal`: compact, sorted keys. */
export function goJson(value: unknown): string {
  return escapeHtml(JSON.stringify(sortKeys(value)) ?? 'null');
}

/**
 * `json.MarshalIndent(v, "", "    ")`: what `kubectl get -o json` prints (plus a newline).
 * Unstructured objects (everything read from the server) marshal with sorted keys; typed
 * objects (client-side generators, `--dry-run=client`) keep their struct field order, so a
 * caller that built the object in Go's field order passes `keepOrder`.
 */
export function goJsonIndent(value: unknown, keepOrder = false): string {
  return escapeHtml(JSON.stringify(keepOrder ? value : sortKeys(value), null, 4) ?? 'null');
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
