/** The apps group's describers (kubectl's describerMap, `Group: appsv1.GroupName`). */
import type { KObject } from '../../../sim/core/object';
import { eventsOf as events, type GroupDescribers } from '../describer';
import { describeDaemonSet } from '../daemonset';
import { describeStatefulSet } from '../statefulset';
import { describeDeployment, describeReplicaSet } from '../workloads';

export const APPS_DESCRIBERS: GroupDescribers = {
  group: 'apps',
  describers: {
    DaemonSet: (obj, source, settings) =>
      describeDaemonSet(obj, { nowMs: source.now(), events: events(source, obj, settings), replicaSets: [], pods: source.list('pods', obj.metadata.namespace) }),
    Deployment: (obj, source, settings) =>
      describeDeployment(obj, { nowMs: source.now(), events: events(source, obj, settings), replicaSets: source.list('replicasets', obj.metadata.namespace), pods: [] }),
    ReplicaSet: (obj, source, settings) =>
      describeReplicaSet(obj, { nowMs: source.now(), events: events(source, obj, settings), replicaSets: [], pods: source.list('pods', obj.metadata.namespace) }),
    StatefulSet: (obj, source, settings) =>
      describeStatefulSet(obj, { nowMs: source.now(), events: events(source, obj, settings), replicaSets: [], pods: source.list('pods', obj.metadata.namespace) }),
  },
  generic: ['ControllerRevision'],
};
