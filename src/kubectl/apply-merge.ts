/**
 * Client-side apply's bookkeeping: the `kubectl.kubernetes.io/last-applied-configuration`
 * annotation, serialised as Go's json encoder does. (The three-way patch itself is the
 * api-server package's `threeWayMergePatch`.)
 */
import { clone, isPlainObject, setOwn } from '../sim/core/object';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

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
