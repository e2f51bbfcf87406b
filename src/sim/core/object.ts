/**
 * The shape every API object shares. Kind-specific shapes come from `kubernetes-types`
 * (e.g. `import type { Pod } from 'kubernetes-types/core/v1'`); the sim stores plain JSON.
 */
import type { ObjectMeta as K8sObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { OwnerReference };

/** kubernetes-types marks server-set fields readonly; the api-server is the one that sets them. */
export type ObjectMeta = { -readonly [K in keyof K8sObjectMeta]: K8sObjectMeta[K] };

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // Kind-specific fields (spec, status, data, …).
  [field: string]: unknown;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Deep copy of plain JSON data. Hand-written because it runs on every api write and is several
 * times faster than structuredClone for small objects; `__proto__` keys stay plain data.
 */
export function clone<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = clone((value as Record<string, unknown>)[key]);
    if (key === '__proto__') setOwn(out, key, v);
    else out[key] = v;
  }
  return out as T;
}

/** Structural equality of JSON data; a key holding `undefined` counts as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
}

export function controllerRef(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRefTo(owner: KObject, blockOwnerDeletion = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion,
  };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets an own data property, so that keys like `__proto__` from user YAML stay plain data. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
