/**
 * What `kind create cluster` puts in kube-system besides the static pods (those are the
 * control-plane kubelet's: ../kubelet/static-pods.ts): kind's manifests, applied in this order
 * as the cluster comes up. Objects of kinds the sim does not serve are skipped.
 */
import yaml from 'js-yaml';
import type { ApiServer } from '../api/apiserver';
import { clone, type KObject } from '../core/object';
import { KINDNET_YAML } from './kindnet';
import { KUBE_PROXY_YAML } from './kube-proxy';

/** One manifest per system component, as kind and kubeadm apply them. */
export const SYSTEM_MANIFESTS: readonly string[] = [
  KUBE_PROXY_YAML,
  KINDNET_YAML,
];

let parsed: KObject[] | undefined;

/** Creates every system object that does not exist yet (idempotent). */
export function installSystem(api: ApiServer): void {
  parsed ??= SYSTEM_MANIFESTS.flatMap((m) => (yaml.loadAll(m) as KObject[]).filter(Boolean));
  for (const doc of parsed.map(clone)) {
    const type = api.registry.forKind(doc.apiVersion!, doc.kind!);
    if (!type) continue;
    if (api.tryGet(type.plural, doc.metadata.namespace, doc.metadata.name!)) continue;
    api.create(type.plural, type.namespaced ? doc.metadata.namespace : undefined, doc);
  }
}
