/**
 * A downwardAPI volume's payload (pkg/volume/downwardapi CollectData): a file per item, its
 * field's value as the kubelet formats it (labels and annotations as sorted `key="value"`
 * lines), at the item's `mode` or the volume's `defaultMode` (0644). Labels and annotations
 * files follow the pod: the kubelet rewrites them when the pod's metadata changes.
 */
import type { Container, DownwardAPIVolumeFile, Pod } from 'kubernetes-types/core/v1';
import { fieldValue, resourceValue, type PodFacts } from '../kubelet/container-env';
import type { Payload } from './atomic-volume';
import { DEFAULT_MODE } from './configmap-volume';

export function downwardPayload(items: DownwardAPIVolumeFile[] | undefined, pod: Pod, factsOf: () => PodFacts, defaultMode = DEFAULT_MODE): Payload {
  const payload: Payload = new Map();
  // Only resource fields need the node's facts (which list the Services): most items never ask.
  const facts = new LazyFacts(factsOf);
  const containers: Container[] = pod.spec?.containers ?? [];
  for (const item of items ?? []) {
    let value = '';
    if (item.fieldRef) value = fieldValue(item.fieldRef.fieldPath, pod, facts);
    else if (item.resourceFieldRef) {
      const c = containers.find((x) => x.name === item.resourceFieldRef!.containerName) ?? containers[0];
      value = resourceValue(item.resourceFieldRef.resource, item.resourceFieldRef.divisor, c, facts);
    }
    payload.set(item.path, { content: value, mode: item.mode ?? defaultMode });
  }
  return payload;
}

/** The pod's facts, asked for when a field first needs them. */
class LazyFacts implements PodFacts {
  private known: PodFacts | undefined;

  constructor(private readonly factsOf: () => PodFacts) {}

  private get facts(): PodFacts {
    return (this.known ??= this.factsOf());
  }

  get podIPs() {
    return this.facts.podIPs;
  }

  get hostIPs() {
    return this.facts.hostIPs;
  }

  get allocatable() {
    return this.facts.allocatable;
  }

  get services() {
    return this.facts.services;
  }
}
