/**
 * Installs add-ons as the cluster comes up (`createCluster({ addons })`: a transcript header
 * `# addons: metrics-server`, the UI): the add-on's objects are created through the api-server,
 * as `kubectl apply -f` of its manifest would create them (without apply's last-applied
 * annotation: no kubectl was involved).
 */
import yaml from 'js-yaml';
import type { ApiServer } from '../api/apiserver';
import type { KObject } from '../core/object';
import { ADDONS } from '.';

export function addonNames(): string[] {
  return Object.keys(ADDONS);
}

/** Creates the add-on's objects; an unknown name throws (the caller checked it against `addonNames`). */
export function installAddon(api: ApiServer, name: string): void {
  const addon = ADDONS[name];
  if (!addon) throw new Error(`unknown add-on "${name}" (known: ${addonNames().join(', ')})`);
  for (const doc of yaml.loadAll(addon.manifest) as KObject[]) {
    if (!doc) continue;
    const type = api.registry.forKind(doc.apiVersion!, doc.kind!);
    if (!type) continue;
    if (api.tryGet(type.plural, doc.metadata.namespace, doc.metadata.name!)) continue;
    api.create(type.plural, type.namespaced ? doc.metadata.namespace : undefined, doc);
  }
}
