/**
 * What a pod's volumes read, as the kubelet reaches it: ConfigMaps and Secrets from its
 * watch-based caches (the store as it is now), the pod itself for downwardAPI files, and
 * service-account tokens from TokenRequest, kept until 80% of their life or a day has passed
 * (the token manager's requiresRefresh). One object per pod with its methods on the class:
 * thousands of pods start at once, and most never read a token.
 */
import type { ConfigMap, Pod, Secret } from 'kubernetes-types/core/v1';
import type { KObject } from '../core/object';
import type { VolumeSources } from '../fs/volumes';
import { serviceAccountToken } from '../fs/service-account-token';
import type { PodFacts } from './container-env';
import type { NodeRuntime } from './runtime';

const DAY_MS = 24 * 3600_000;

interface HeldToken {
  token: () => string;
  issuedAt: number;
  ttlMs: number;
}

export function volumeSources(rt: NodeRuntime, owner: { currentPod(): Pod }, facts: () => PodFacts): VolumeSources {
  return new KubeletVolumeSources(rt, owner, facts);
}

class KubeletVolumeSources implements VolumeSources {
  private tokens: Map<string, HeldToken> | undefined;

  constructor(
    private readonly rt: NodeRuntime,
    private readonly owner: { currentPod(): Pod },
    readonly facts: () => PodFacts,
  ) {}

  pod(): Pod {
    return this.owner.currentPod();
  }

  configMap(name: string): ConfigMap | undefined {
    return this.get('configmaps', name) as unknown as ConfigMap | undefined;
  }

  secret(name: string): Secret | undefined {
    return this.get('secrets', name) as unknown as Secret | undefined;
  }

  token(path: string, expirationSeconds: number, audience?: string): (() => string) | { error: string } {
    const now = this.rt.clock.now();
    const key = `${path}/${expirationSeconds}/${audience ?? ''}`;
    const held = this.tokens?.get(key);
    if (held && now - held.issuedAt < Math.min(0.8 * held.ttlMs, DAY_MS)) return held.token;
    const p = this.pod();
    const saName = p.spec?.serviceAccountName ?? 'default';
    const sa = this.get('serviceaccounts', saName);
    if (!sa) return { error: `failed to fetch token: serviceaccounts "${saName}" not found` };
    const saUid = sa.metadata.uid ?? '';
    const { namespace = 'default', name = '', uid = '' } = p.metadata ?? {};
    const rt = this.rt;
    let text: string | undefined;
    // The claims are made with the text, when a container first reads the token.
    const token = () =>
      (text ??= serviceAccountToken({
        namespace,
        serviceAccount: { name: saName, uid: saUid },
        pod: { name, uid },
        node: { name: rt.node.name, uid: (rt.ctx.store.get('nodes', undefined, rt.node.name) as KObject | undefined)?.metadata.uid ?? '' },
        audiences: audience ? [audience] : undefined,
        expirationSeconds,
        issuedAt: now,
      }));
    (this.tokens ??= new Map()).set(key, { token, issuedAt: now, ttlMs: expirationSeconds * 1000 });
    return token;
  }

  private get(resource: string, name: string): KObject | undefined {
    return this.rt.ctx.store.get(resource, this.pod().metadata?.namespace ?? 'default', name) as KObject | undefined;
  }
}
