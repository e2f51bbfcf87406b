/**
 * A StatefulSet pod's identity and storage (pkg/controller/statefulset/stateful_set_utils.go):
 * the name `<set>-<ordinal>`, the pod-name and pod-index labels, hostname and subdomain for the
 * headless Service's DNS, and one claim `<template>-<set>-<ordinal>` per volumeClaimTemplate,
 * mounted in place of any template volume of that name.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, PodSpec, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import { clone, type KObject } from '../../core/object';
import type { PodObject } from '../../kinds/apps/workload-types';

export type StatefulSetObject = StatefulSet & KObject;

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** `getParentNameAndOrdinal`: the ordinal in `<set>-<n>`, or -1 when the name is not one of the set's. */
export function ordinalOf(set: StatefulSetObject, pod: KObject): number {
  const name = pod.metadata.name ?? '';
  const prefix = `${set.metadata.name}-`;
  if (!name.startsWith(prefix)) return -1;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : -1;
}

export function podName(set: StatefulSetObject, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** `getPersistentVolumeClaimName`. */
export function claimName(set: StatefulSetObject, template: string, ordinal: number): string {
  return `${template}-${set.metadata.name}-${ordinal}`;
}

/** `getPersistentVolumeClaims`: the claims the pod of `ordinal` mounts, keyed by template name. */
export function claimsFor(set: StatefulSetObject, ordinal: number): Map<string, KObject> {
  const claims = new Map<string, KObject>();
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const name = t.metadata?.name ?? '';
    const labels: Record<string, string> = { ...(t.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    const metadata: KObject['metadata'] = { name: claimName(set, name, ordinal), namespace: set.metadata.namespace, labels };
    if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
    const claim: PersistentVolumeClaim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: clone(t.spec ?? {}) };
    claims.set(name, { ...(claim as object), metadata } as KObject);
  }
  return claims;
}

/** `newStatefulSetPod` from a revision's template: identity, storage, owner. */
export function newStatefulSetPod(set: StatefulSetObject, template: PodTemplateSpec, revision: string, ordinal: number): PodObject {
  const name = podName(set, ordinal);
  const t = clone(template);
  const labels: Record<string, string> = { ...(t.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_HASH_LABEL]: revision };
  const metadata: KObject['metadata'] = { name, namespace: set.metadata.namespace, labels };
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers) metadata.finalizers = [...t.metadata.finalizers];
  metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true }];
  const spec = (t.spec ?? { containers: [] }) as PodSpec;
  // updateStorage: the claims first, then the template's other volumes.
  const claims = claimsFor(set, ordinal);
  const volumes: Volume[] = [];
  for (const [tmpl, claim] of claims) volumes.push({ name: tmpl, persistentVolumeClaim: { claimName: claim.metadata.name! } });
  for (const v of spec.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  if (volumes.length) spec.volumes = volumes;
  // updateIdentity: hostname and subdomain give `<pod>.<service>.<ns>.svc` through a headless Service.
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}
