/**
 * Small helpers for walking decoded objects in strategies. Their fields have the kind's types
 * (kubernetes-types), but any of them may be missing or null; and writes made without strict
 * field validation are not type-checked at all, so list items and nested objects that are not
 * objects are skipped here, as before.
 */
import { isPlainObject } from '../core/object';

/** The elements of `list` that are objects (anything else is ignored: decoding already reported it). */
export function objects<T extends object>(list: readonly T[] | null | undefined): T[] {
  return Array.isArray(list) ? (list.filter(isPlainObject) as T[]) : [];
}

/** `v` when it is an object; undefined when it is missing, null (or not an object at all). */
export function obj<T extends object>(v: T | null | undefined): T | undefined {
  return isPlainObject(v) ? v : undefined;
}

/** `parent[key]` as an object, created empty when missing (its required fields too: validation names them). */
export function child<T extends object, K extends keyof T>(parent: T, key: K): NonNullable<T[K]> {
  if (!isPlainObject(parent[key])) parent[key] = {} as T[K];
  return parent[key] as NonNullable<T[K]>;
}

export function setDefault<T extends object, K extends keyof T>(o: T, key: K, value: NonNullable<T[K]>): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}
