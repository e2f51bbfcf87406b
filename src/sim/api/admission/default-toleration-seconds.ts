/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): a new pod tolerates
 * `not-ready` and `unreachable` nodes for 300 s (then the taint manager evicts it), unless it
 * already tolerates them.
 */
import type { PodSpec, Toleration } from 'kubernetes-types/core/v1';
import { child, objects } from '../../kinds/util';
import { podOf, type AdmissionPlugin } from './plugin';

const DEFAULT_TOLERATION_KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

export function defaultTolerationSeconds(): AdmissionPlugin {
  return {
    name: 'DefaultTolerationSeconds',
    admit(request) {
      const pod = podOf(request);
      if (pod) admitDefaultTolerations(child(pod, 'spec'));
    },
  };
}

function admitDefaultTolerations(spec: PodSpec): void {
  const tolerations = objects(spec.tolerations);
  const added: Toleration[] = [];
  for (const key of DEFAULT_TOLERATION_KEYS) {
    // A toleration of that key for NoExecute (or every effect) already covers it.
    const covered = tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!covered) added.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  if (added.length) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}
