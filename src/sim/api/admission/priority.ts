/**
 * Priority (plugin/pkg/admission/priority): resolves a pod's priority from its PriorityClass.
 * The playground serves no PriorityClass kind; the two built-in classes every cluster has
 * (scheduling.SystemPriorityClasses) resolve to their values, and none is global-default:
 * every other pod gets 0.
 */
import { child } from '../../kinds/util';
import { podOf, type AdmissionPlugin } from './plugin';

/** `scheduling.SystemCriticalPriority` and the node-critical class above it. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export function priority(): AdmissionPlugin {
  return {
    name: 'Priority',
    admit(request) {
      const pod = podOf(request);
      if (!pod) return;
      const spec = child(pod, 'spec');
      const builtin = spec.priorityClassName ? SYSTEM_PRIORITY_CLASSES[spec.priorityClassName] : undefined;
      if (builtin !== undefined) spec.priority = builtin;
      else if (spec.priority === undefined || spec.priority === null) spec.priority = 0;
      if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
    },
  };
}
