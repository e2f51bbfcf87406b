/** The networking.k8s.io group's describers (kubectl's describerMap, `Group: networkingv1.GroupName`). */
import type { GroupDescribers } from '../describer';
import { describeNetworkPolicy } from '../networkpolicy';

export const NETWORKING_DESCRIBERS: GroupDescribers = {
  group: 'networking.k8s.io',
  describers: {
    NetworkPolicy: (obj) => describeNetworkPolicy(obj),
  },
  generic: [],
};
