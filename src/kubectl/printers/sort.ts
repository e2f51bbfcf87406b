/**
 * `--sort-by=<jsonpath>` (kubectl's RuntimeSort): numbers numerically, quantities as
 * quantities, other strings in natural order; objects without the field sort first.
 */
import type { KObject } from '../../sim/core/object';
import { tryParseQuantity } from '../../sim/core/quantity';
import { findJsonPathValues, JsonPathExecError, JsonPathParseError, relaxedJsonPath } from './jsonpath';
import { PrintError } from './errors';

export function sortObjects(objects: KObject[], sortBy: string): KObject[] {
  const path = relaxedJsonPath(sortBy);
  let keys: unknown[];
  try {
    keys = objects.map((o) => findJsonPathValues(path, o)[0]);
  } catch (e) {
    if (e instanceof JsonPathParseError || e instanceof JsonPathExecError) throw new PrintError(e.message);
    throw e;
  }
  if (objects.length > 1 && keys.every((k) => k === undefined)) {
    throw new PrintError(`couldn't find any field with path "${path}" in the list of objects`);
  }
  const order = objects.map((_, i) => i);
  order.sort((a, b) => compare(keys[a], keys[b]) || a - b);
  return order.map((i) => objects[i]);
}

function compare(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = /^[0-9+\-.]/.test(a) ? tryParseQuantity(a) : undefined;
    const qb = /^[0-9+\-.]/.test(b) ? tryParseQuantity(b) : undefined;
    if (qa && qb) return qa.nanos < qb.nanos ? -1 : qa.nanos > qb.nanos ? 1 : 0;
    return naturalCompare(a, b);
  }
  return naturalCompare(String(a), String(b));
}

/** github.com/fvbommel/sortorder NaturalLess: digit runs compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = x.replace(/^0+/, '');
      const ny = y.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
