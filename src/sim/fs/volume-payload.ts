/**
 * The payload of one configMap, secret, downwardAPI or projected volume of a pod, made from the
 * kubelet's sources each time the atomic writer asks (set-up, then every sync).
 */
import type { Volume } from 'kubernetes-types/core/v1';
import type { PayloadResult, PayloadSource } from './atomic-volume';
import { configMapPayload } from './configmap-volume';
import { downwardPayload } from './downward-volume';
import { projectedPayload, type ProjectionSources } from './projected-volume';
import { secretPayload } from './secret-volume';

/** The volume kinds the atomic writer lays out. */
export function isAtomicVolume(spec: Volume): boolean {
  return !!(spec.configMap || spec.secret || spec.downwardAPI || spec.projected);
}

export class VolumePayload implements PayloadSource {
  constructor(
    private readonly spec: Volume,
    private readonly sources: ProjectionSources,
  ) {}

  payload(): PayloadResult {
    const { spec, sources: s } = this;
    if (spec.configMap) return configMapPayload(spec.configMap, s.configMap(spec.configMap.name ?? ''));
    if (spec.secret) return secretPayload({ ...spec.secret, name: spec.secret.secretName }, s.secret(spec.secret.secretName ?? ''));
    if (spec.downwardAPI) return downwardPayload(spec.downwardAPI.items, s.pod(), s.facts, spec.downwardAPI.defaultMode);
    // isAtomicVolume: the one kind left.
    return projectedPayload(spec.projected!, s);
  }
}
