/** Small helpers for walking decoded (schema-checked, but user-shaped) JSON in strategies. */
import { isPlainObject } from '../object';

// Decoded objects are plain JSON; strategies read and fill them by field name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = Record<string, any>;

/** The elements of `v` that are objects (anything else is ignored: decoding already reported it). */
export function objects(v: unknown): J[] {
  return Array.isArray(v) ? (v.filter(isPlainObject) as J[]) : [];
}

export function obj(v: unknown): J | undefined {
  return isPlainObject(v) ? (v as J) : undefined;
}

/** `parent[key]` as an object, created when missing. */
export function child(parent: J, key: string): J {
  if (!isPlainObject(parent[key])) parent[key] = {};
  return parent[key] as J;
}

export function setDefault(o: J, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}
