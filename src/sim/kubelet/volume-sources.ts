/**
 * What a pod's volumes read, as the kubelet reaches it: ConfigMaps and Secrets from its
 * watch-based caches (the store as it is now), the pod itself for downwardAPI files, and
 * service-account tokens from TokenRequest, kept until 80% of their life or a day has passed
 * (the token manager's requiresRefresh).
 */
import type { ConfigMap, Pod, Secret } from 'kubernetes-types/core/v1';
import type { KObject } from '../core/object';
import type { VolumeSources } from '../fs/volumes';
import { serviceAccountToken } from '../fs/service-account-token';
import type { PodFacts } from './container-env';
import type { NodeRuntime } from './runtime';

const DAY_MS = 24 * 3600_000;

export function volumeSources(rt: NodeRuntime, pod: () => Pod, facts: () => PodFacts): VolumeSources {
  const ns = () => pod().metadata?.namespace ?? 'default';
  const get = (resource: string, name: string) => rt.ctx.store.get(resource, ns(), name) as KObject | undefined;
  const tokens = new Map<string, { token: () => string; issuedAt: number; ttlMs: number }>();
  return {
    configMap: (name) => get('configmaps', name) as unknown as ConfigMap | undefined,
    secret: (name) => get('secrets', name) as unknown as Secret | undefined,
    pod,
    facts,
    token(path, expirationSeconds, audience) {
      const now = rt.clock.now();
      const key = `${path}/${expirationSeconds}/${audience ?? ''}`;
      const held = tokens.get(key);
      if (held && now - held.issuedAt < Math.min(0.8 * held.ttlMs, DAY_MS)) return held.token;
      const p = pod();
      const saName = p.spec?.serviceAccountName ?? 'default';
      const sa = get('serviceaccounts', saName);
      if (!sa) return { error: `failed to fetch token: serviceaccounts "${saName}" not found` };
      const node = rt.ctx.store.get('nodes', undefined, rt.node.name) as KObject | undefined;
      const claims = {
        namespace: ns(),
        serviceAccount: { name: saName, uid: sa.metadata.uid ?? '' },
        pod: { name: p.metadata?.name ?? '', uid: p.metadata?.uid ?? '' },
        node: { name: rt.node.name, uid: node?.metadata.uid ?? '' },
        audiences: audience ? [audience] : undefined,
        expirationSeconds,
        issuedAt: now,
      };
      let text: string | undefined;
      const token = () => (text ??= serviceAccountToken(claims));
      tokens.set(key, { token, issuedAt: now, ttlMs: expirationSeconds * 1000 });
      return token;
    },
  };
}
