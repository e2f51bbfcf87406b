/**
 * The ConfigMaps and Secrets a pod uses — by env (`valueFrom`, `envFrom`), by volume (configMap,
 * secret, projected sources) or as image-pull credentials — which the graph draws as cards with
 * an edge to each pod. The service-account volume the admission plugin adds to every pod
 * (`kube-api-access-*`, reading `kube-root-ca.crt`) is left out: it would tie every pod to a card.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';

export interface ConfigRefs {
  configmaps: ReadonlySet<string>;
  secrets: ReadonlySet<string>;
}

const cache = new WeakMap<KObject, ConfigRefs>();

/** The names (in the pod's namespace) of what `pod` uses, by resource. */
export function configRefs(pod: KObject): ConfigRefs {
  let refs = cache.get(pod);
  if (!refs) cache.set(pod, (refs = collect(pod as unknown as Pod)));
  return refs;
}

function collect(pod: Pod): ConfigRefs {
  const configmaps = new Set<string>();
  const secrets = new Set<string>();
  const add = (set: Set<string>, name: string | undefined) => name && set.add(name);
  const spec = pod.spec;
  for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
    for (const e of c.env ?? []) {
      add(configmaps, e.valueFrom?.configMapKeyRef?.name);
      add(secrets, e.valueFrom?.secretKeyRef?.name);
    }
    for (const e of c.envFrom ?? []) {
      add(configmaps, e.configMapRef?.name);
      add(secrets, e.secretRef?.name);
    }
  }
  for (const v of spec?.volumes ?? []) {
    add(configmaps, v.configMap?.name);
    add(secrets, v.secret?.secretName);
    if (v.name.startsWith('kube-api-access-')) continue;
    for (const s of v.projected?.sources ?? []) {
      add(configmaps, s.configMap?.name);
      add(secrets, s.secret?.name);
    }
  }
  for (const s of spec?.imagePullSecrets ?? []) add(secrets, s.name);
  return { configmaps, secrets };
}

/** Does `pod` use the ConfigMap or Secret `o` (`resource`: configmaps | secrets)? */
export function uses(pod: KObject, resource: string, o: KObject): boolean {
  if (pod.metadata.namespace !== o.metadata.namespace) return false;
  const refs = configRefs(pod);
  const names = resource === 'configmaps' ? refs.configmaps : resource === 'secrets' ? refs.secrets : undefined;
  return !!names?.has(o.metadata.name!);
}
