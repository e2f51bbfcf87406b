/**
 * Priority (plugin/pkg/admission/priority): resolves a pod's priority from its PriorityClass.
 * No PriorityClass exists in the playground and none is global-default: every pod gets 0.
 */
import { anyChild as child, type J } from '../../kinds/util';
import type { AdmissionPlugin } from './plugin';

export function priority(): AdmissionPlugin {
  return {
    name: 'Priority',
    admit({ resource, object }) {
      if (resource.plural !== 'pods') return;
      const spec = child(object as J, 'spec');
      if (spec.priority === undefined || spec.priority === null) spec.priority = 0;
      if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
    },
  };
}
