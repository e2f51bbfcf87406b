/**
 * Patches as the api-server applies them: JSON merge patch (RFC 7386), strategic merge patch
 * and JSON patch (RFC 6902). Failures become the api-server's errors.
 */
import { isPlainObject, setOwn } from '../core/object';
import { statusError } from './errors';
import { applyJsonPatch, JsonPatchError } from './json-patch';
import { PatchError, strategicMerge } from './strategic-merge';
import type { PatchType } from './types';

export { createTwoWayMergePatch, isEmptyPatch, threeWayMergePatch } from './three-way';
export { mergeKeyFor, strategicMerge } from './strategic-merge';
export { applyJsonPatch } from './json-patch';

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
export function applyPatch(target: unknown, patch: unknown, type: PatchType, _kind: string): unknown {
  switch (type) {
    case 'merge':
      if (!isPlainObject(patch)) throw statusError('BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}');
      return mergePatch(target, patch);
    case 'strategic':
      if (!isPlainObject(patch)) throw statusError('BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}');
      try {
        return strategicMerge(target, patch);
      } catch (e) {
        if (e instanceof PatchError) throw statusError('BadRequest', e.message);
        throw e;
      }
    case 'json':
      try {
        return applyJsonPatch(target, patch);
      } catch (e) {
        if (e instanceof JsonPatchError) {
          throw statusError('Invalid', 'the server rejected our request due to an error in our request', { causes: [{ reason: 'UnexpectedServerResponse', message: e.message }] });
        }
        throw e;
      }
  }
}
