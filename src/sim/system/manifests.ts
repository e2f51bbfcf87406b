/**
 * Installs a system component from its YAML manifest, as kubeadm and kind apply theirs
 * (kube-proxy's DaemonSet and ConfigMap, kindnet's DaemonSet). Objects of kinds the sim does not
 * serve are skipped; objects that exist already are left alone (idempotent).
 */
import yaml from 'js-yaml';
import type { SimContext } from '../context';
import { clone, type KObject } from '../core/object';

const parsed = new Map<string, KObject[]>();

export function fromManifest(manifest: string): (ctx: SimContext) => void {
  return ({ api }) => {
    let docs = parsed.get(manifest);
    if (!docs) parsed.set(manifest, (docs = (yaml.loadAll(manifest) as KObject[]).filter(Boolean)));
    for (const doc of docs.map(clone)) {
      const type = api.registry.forKind(doc.apiVersion!, doc.kind!);
      if (!type) continue;
      if (api.tryGet(type.plural, doc.metadata.namespace, doc.metadata.name!)) continue;
      api.create(type.plural, type.namespaced ? doc.metadata.namespace : undefined, doc);
    }
  };
}
