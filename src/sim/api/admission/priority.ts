/**
 * Priority (plugin/pkg/admission/priority): resolves a pod's priority from its PriorityClass.
 * No PriorityClass exists in the playground and none is global-default: every pod gets 0.
 */
import { child } from '../../kinds/util';
import { podOf, type AdmissionPlugin } from './plugin';

export function priority(): AdmissionPlugin {
  return {
    name: 'Priority',
    admit(request) {
      const pod = podOf(request);
      if (!pod) return;
      const spec = child(pod, 'spec');
      if (spec.priority === undefined || spec.priority === null) spec.priority = 0;
      if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
    },
  };
}
