/**
 * A projected volume's payload (pkg/volume/projected collectData): its sources' files in one
 * directory — configMap and secret keys, downwardAPI fields, and a service-account token
 * (`kube-api-access-*` is one of these: token, ca.crt, namespace). Every source is tried; the
 * errors of all that failed are reported together, as utilerrors.NewAggregate prints them.
 */
import type { ConfigMap, Pod, ProjectedVolumeSource, Secret } from 'kubernetes-types/core/v1';
import type { PodFacts } from '../kubelet/container-env';
import type { LazyText, Payload, PayloadResult } from './atomic-volume';
import { configMapPayload, DEFAULT_MODE } from './configmap-volume';
import { downwardPayload } from './downward-volume';
import { secretPayload } from './secret-volume';

export interface ProjectionSources {
  configMap(name: string): ConfigMap | undefined;
  secret(name: string): Secret | undefined;
  pod(): Pod;
  facts(): PodFacts;
  /**
   * The token a TokenRequest for the pod's account returns now (the kubelet caches and rotates
   * it), made when first read: the same object until it is rotated.
   */
  token(path: string, expirationSeconds: number, audience?: string): LazyText | { error: string };
}

export function projectedPayload(source: ProjectedVolumeSource, from: ProjectionSources): PayloadResult {
  const mode = source.defaultMode ?? DEFAULT_MODE;
  const payload: Payload = new Map();
  const errors: string[] = [];
  const add = (part: PayloadResult) => {
    if ('error' in part) errors.push(part.error as string);
    else for (const [k, v] of part) payload.set(k, v);
  };
  for (const s of source.sources ?? []) {
    if (s.configMap) add(configMapPayload(s.configMap, from.configMap(s.configMap.name ?? ''), mode));
    else if (s.secret) add(secretPayload(s.secret, from.secret(s.secret.name ?? ''), mode));
    else if (s.downwardAPI) add(downwardPayload(s.downwardAPI.items, from.pod(), from.facts, mode));
    else if (s.serviceAccountToken) {
      const t = s.serviceAccountToken;
      const token = from.token(t.path, t.expirationSeconds ?? 3600, t.audience);
      if ('error' in token) errors.push(token.error);
      else payload.set(t.path, { content: token, mode });
    }
  }
  if (errors.length) return { error: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
  return payload;
}
