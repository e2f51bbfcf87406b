/** The core group's describers (kubectl's describerMap, `Group: corev1.GroupName`). */
import type { KObject } from '../../../sim/object';
import { describeConfigMap, describeNamespace, describeResourceQuota, describeService, podEndpoints } from '../core';
import type { DescribeSource, GroupDescribers } from '../describer';
import { describeNode } from '../node';
import { describePod } from '../pod';
import { eventsFor } from '../writer';

const events = (source: DescribeSource, obj: KObject) => eventsFor(source.api.list('events', obj.metadata.namespace ?? 'default'), obj);

export const CORE_DESCRIBERS: GroupDescribers = {
  group: '',
  describers: {
    Pod: (obj, source) => describePod(obj, events(source, obj), source.clock.now()),
    Node: (obj, source) => describeNode(obj, source.api.list('pods'), events(source, obj), source.clock.now()),
    Service: (obj, source) => describeService(obj, serviceEndpoints(source, obj), events(source, obj), source.clock.now()),
    Namespace: (obj, source) => describeNamespace(obj, source.api.list('resourcequotas', obj.metadata.name)),
    ConfigMap: (obj, source) => describeConfigMap(obj, events(source, obj), source.clock.now()),
    ResourceQuota: (obj) => describeResourceQuota(obj),
  },
  generic: ['Event'],
};

function serviceEndpoints(cluster: DescribeSource, svc: KObject) {
  const selector = (svc as { spec?: { selector?: Record<string, string> } }).spec?.selector;
  if (!selector || Object.keys(selector).length === 0) {
    // The default `kubernetes` service points at the api-server on the control plane.
    if (svc.metadata.name === 'kubernetes' && svc.metadata.namespace === 'default') {
      const cp = cluster.api.list('nodes').find((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}));
      const ip = (cp as { status?: { addresses?: { type: string; address: string }[] } } | undefined)?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
      return () => (ip ? [`${ip}:6443`] : undefined);
    }
    return () => undefined;
  }
  return podEndpoints(svc, cluster.api.list('pods', svc.metadata.namespace));
}
