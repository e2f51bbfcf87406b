/** The discovery.k8s.io group's describers (kubectl's describerMap, `Group: discoveryv1.GroupName`). */
import { eventsOf as events, type GroupDescribers } from '../describer';
import { describeEndpointSlice } from '../endpoints';

export const DISCOVERY_DESCRIBERS: GroupDescribers = {
  group: 'discovery.k8s.io',
  describers: {
    EndpointSlice: (obj, source, settings) => describeEndpointSlice(obj, events(source, obj, settings), source.now()),
  },
  generic: [],
};
