/** The apps group's describers (kubectl's describerMap, `Group: appsv1.GroupName`). */
import type { KObject } from '../../../sim/object';
import type { DescribeSource, GroupDescribers } from '../describer';
import { describeDeployment, describeReplicaSet } from '../workloads';
import { eventsFor } from '../writer';

const events = (source: DescribeSource, obj: KObject) => eventsFor(source.api.list('events', obj.metadata.namespace ?? 'default'), obj);

export const APPS_DESCRIBERS: GroupDescribers = {
  group: 'apps',
  describers: {
    Deployment: (obj, { api, clock }) =>
      describeDeployment(obj, { nowMs: clock.now(), events: events({ api, clock }, obj), replicaSets: api.list('replicasets', obj.metadata.namespace), pods: [] }),
    ReplicaSet: (obj, { api, clock }) =>
      describeReplicaSet(obj, { nowMs: clock.now(), events: events({ api, clock }, obj), replicaSets: [], pods: api.list('pods', obj.metadata.namespace) }),
  },
  generic: [],
};
