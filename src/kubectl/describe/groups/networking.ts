/** The networking.k8s.io group's describers (kubectl's describerMap, `Group: networkingv1.GroupName`). */
import { eventsOf as events, type GroupDescribers } from '../describer';
import { describeIngress, describeIngressClass } from '../ingress';
import { describeNetworkPolicy } from '../networkpolicy';

export const NETWORKING_DESCRIBERS: GroupDescribers = {
  group: 'networking.k8s.io',
  describers: {
    Ingress: (obj, source, settings) => describeIngress(obj, source, events(source, obj, settings)),
    IngressClass: (obj, source, settings) => describeIngressClass(obj, source, events(source, obj, settings)),
    NetworkPolicy: (obj) => describeNetworkPolicy(obj),
  },
  generic: [],
};
