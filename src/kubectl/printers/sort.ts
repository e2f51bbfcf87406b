/**
 * `--sort-by=<jsonpath>` as kubectl's RuntimeSort and TableSorter do it: Go's unstable
 * `sort.Sort` with their `Less` — an object without the field is "less" than anything, even
 * than another object without it (so insertion sort reverses those); numbers compare
 * numerically, two quantities as quantities, other strings byte-wise.
 */
import type { KObject } from '../../sim/core/object';
import { tryParseQuantity } from '../../sim/core/quantity';
import { findJsonPathValues, JsonPathExecError, JsonPathParseError, relaxedJsonPath } from './jsonpath';
import { goSort } from './go-sort';
import { PrintError } from './errors';

const MISSING = Symbol('missing');

/** Each object's sort key (the first value the path yields), or MISSING. */
function sortKeys(objects: unknown[], path: string): unknown[] {
  try {
    return objects.map((o) => {
      const values = findJsonPathValues(path, o);
      return values.length ? values[0] : MISSING;
    });
  } catch (e) {
    if (e instanceof JsonPathParseError || e instanceof JsonPathExecError) throw new PrintError(e.message);
    throw e;
  }
}

function notFound(path: string): PrintError {
  return new PrintError(`couldn't find any field with path "${path}" in the list of objects`);
}

/** Sorts `items` by their keys with Go's sort.Sort; returns a new array. */
function sortByKeys<T>(items: T[], keys: unknown[]): T[] {
  const out = [...items];
  const k = [...keys];
  goSort({
    len: out.length,
    less: (i, j) => (k[i] === MISSING ? true : k[j] === MISSING ? false : isLess(k[i], k[j])),
    swap: (i, j) => {
      [out[i], out[j]] = [out[j], out[i]];
      [k[i], k[j]] = [k[j], k[i]];
    },
  });
  return out;
}

/**
 * A list (`-o name|yaml|json|jsonpath|custom-columns…`): SortingPrinter sorts every list,
 * even of one item, and fails when no item has the field.
 */
export function sortObjects(objects: KObject[], sortBy: string): KObject[] {
  if (objects.length === 0) return objects;
  const path = relaxedJsonPath(sortBy);
  const keys = sortKeys(objects, path);
  if (keys.every((k) => k === MISSING)) throw notFound(path);
  return sortByKeys(objects, keys);
}

/**
 * The rows of one server-printed table. Tables of one row are left alone; when no row has
 * the field, kubectl's printer fails and `kubectl get` drops that error: the table prints
 * nothing (undefined here).
 */
export function sortTableRows(objects: KObject[], sortBy: string): KObject[] | undefined {
  if (objects.length <= 1) return objects;
  const path = relaxedJsonPath(sortBy);
  const keys = sortKeys(objects, path);
  if (keys.every((k) => k === MISSING)) return undefined;
  return sortByKeys(objects, keys);
}

/**
 * Several tables (`get pods,svc`, `get pod a b`, `-f`): kubectl first sorts the Table objects
 * themselves by the path, so a path a Table lacks (`.metadata.name`) is an error; a path every
 * Table has ties and leaves them in order.
 */
export function checkTablesSortable(tableCount: number, sortBy: string): void {
  if (tableCount <= 1) return;
  const path = relaxedJsonPath(sortBy);
  const table = { apiVersion: 'meta.k8s.io/v1', kind: 'Table', metadata: {} };
  if (sortKeys([table], path)[0] === MISSING) throw notFound(path);
}

/** kubectl's isLess on decoded JSON values. */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a !== null ? false : b !== null;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantity(a);
    const qb = qa && quantity(b);
    // Since 1.31 (kubernetes#124514) other strings compare plainly, no longer naturally.
    return qa && qb ? qa.nanos < qb.nanos : a < b;
  }
  // kubectl exits on unsortable types (bool, maps, mixed); compare as text instead.
  return String(a) < String(b);
}

function quantity(s: string) {
  return /^[0-9+\-.]/.test(s) ? tryParseQuantity(s) : undefined;
}
