/**
 * Patches as the api-server applies them. JSON merge patch (RFC 7386) is here;
 * strategic merge patch and JSON patch live beside it.
 */
import { isPlainObject, setOwn } from '../object';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else setOwn(out, k, mergePatch(out[k], v));
  }
  return out;
}

/** Applies a patch of the given type to `target` (the stored object), returning a new object. */
export function applyPatch(target: unknown, patch: unknown, type: 'merge' | 'strategic' | 'json', _kind: string): unknown {
  switch (type) {
    case 'merge':
    case 'strategic':
      return mergePatch(target, patch);
    case 'json':
      throw new Error('json patch is not supported yet');
  }
}
