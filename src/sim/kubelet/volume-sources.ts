/**
 * What a pod's volumes read, as the kubelet reaches it: ConfigMaps and Secrets from its
 * watch-based caches (the store as it is now), the pod itself for downwardAPI files, and
 * service-account tokens from TokenRequest, kept until 80% of their life or a day has passed
 * (the token manager's requiresRefresh). One object per pod with its methods on the class:
 * thousands of pods start at once, and most never read a token.
 */
import type { ConfigMap, Pod, Secret } from 'kubernetes-types/core/v1';
import type { KObject } from '../core/object';
import type { LazyText } from '../fs/atomic-volume';
import type { VolumeSources } from '../fs/volumes';
import { serviceAccountToken } from '../fs/service-account-token';
import type { PodFacts } from './container-env';
import type { NodeRuntime } from './runtime';

const DAY_MS = 24 * 3600_000;

export function volumeSources(rt: NodeRuntime, owner: { currentPod(): Pod }, facts: () => PodFacts): VolumeSources {
  return new KubeletVolumeSources(rt, owner, facts);
}

class KubeletVolumeSources implements VolumeSources {
  /** The tokens held, by request (most pods have one: their kube-api-access volume's). */
  private tokens: IssuedToken[] | undefined;

  constructor(
    readonly rt: NodeRuntime,
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

  token(path: string, expirationSeconds: number, audience?: string): LazyText | { error: string } {
    const now = this.rt.clock.now();
    const held = this.held(path, expirationSeconds, audience);
    if (held && now - held.issuedAt < Math.min(0.8 * held.expirationSeconds * 1000, DAY_MS)) return held;
    const saName = this.pod().spec?.serviceAccountName ?? 'default';
    const sa = this.get('serviceaccounts', saName);
    if (!sa) return { error: `failed to fetch token: serviceaccounts "${saName}" not found` };
    const token = new IssuedToken(this, path, expirationSeconds, audience, { name: saName, uid: sa.metadata.uid ?? '' }, now);
    this.tokens = [...(this.tokens ?? []).filter((t) => t !== held), token];
    return token;
  }

  private held(path: string, expirationSeconds: number, audience: string | undefined): IssuedToken | undefined {
    for (const t of this.tokens ?? []) if (t.path === path && t.expirationSeconds === expirationSeconds && t.audience === audience) return t;
    return undefined;
  }

  /** The node's uid as the api-server has it, for a token's claims. */
  nodeUid(): string {
    return (this.rt.ctx.store.get('nodes', undefined, this.rt.node.name) as KObject | undefined)?.metadata.uid ?? '';
  }

  private get(resource: string, name: string): KObject | undefined {
    return this.rt.ctx.store.get(resource, this.pod().metadata?.namespace ?? 'default', name) as KObject | undefined;
  }
}

/** A TokenRequest's answer: its claims are made into text when a container first reads it. */
class IssuedToken implements LazyText {
  private made: string | undefined;

  constructor(
    private readonly sources: KubeletVolumeSources,
    readonly path: string,
    readonly expirationSeconds: number,
    readonly audience: string | undefined,
    private readonly serviceAccount: { name: string; uid: string },
    readonly issuedAt: number,
  ) {}

  text(): string {
    if (this.made !== undefined) return this.made;
    const { namespace = 'default', name = '', uid = '' } = this.sources.pod().metadata ?? {};
    return (this.made = serviceAccountToken({
      namespace,
      serviceAccount: this.serviceAccount,
      pod: { name, uid },
      node: { name: this.sources.rt.node.name, uid: this.sources.nodeUid() },
      audiences: this.audience ? [this.audience] : undefined,
      expirationSeconds: this.expirationSeconds,
      issuedAt: this.issuedAt,
    }));
  }
}
