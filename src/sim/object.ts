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

/** Deep copy of plain JSON data. */
export function clone<T>(value: T): T {
  return structuredClone(value);
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
