/**
 * The admission chain of the simulated kube-apiserver: the plugins the playground needs, in
 * kube-apiserver's own order (AllOrderedPlugins). Every `admit` runs before validation, every
 * `validate` after it.
 */
import type { Rng } from '../../core/rng';
import type { Store } from '../../core/store';
import { defaultStorageClass } from './default-storage-class';
import { defaultTolerationSeconds } from './default-toleration-seconds';
import { limitRanger } from './limit-ranger';
import { namespaceLifecycle } from './namespace-lifecycle';
import { persistentVolumeClaimResize } from './persistentvolumeclaim-resize';
import type { AdmissionPlugin } from './plugin';
import { priority } from './priority';
import type { PodUsage } from './pod-usage';
import { resourceQuota } from './resource-quota';
import { serviceAccount } from './service-account';
import { storageObjectInUseProtection } from './storage-protection';

export type { AdmissionPlugin, AdmissionRequest } from './plugin';
export { PodUsage } from './pod-usage';

export function admissionPlugins(store: Store, rng: Rng, podUsage: PodUsage): AdmissionPlugin[] {
  return [namespaceLifecycle(store), limitRanger(store), serviceAccount(store, rng), priority(), defaultTolerationSeconds(), defaultStorageClass(store), storageObjectInUseProtection(), persistentVolumeClaimResize(store), resourceQuota(store, podUsage)];
}
