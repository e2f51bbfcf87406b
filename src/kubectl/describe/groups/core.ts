/** The core group's describers (kubectl's describerMap, `Group: corev1.GroupName`). */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describeConfigMap, describeNamespace, describeResourceQuota, describeService } from '../core';
import { eventsOf as events, type DescribeSource, type GroupDescribers } from '../describer';
import { describeEndpoints } from '../endpoints';
import { describeNode } from '../node';
import { describePod } from '../pod';
import { describeSecret } from '../secret';
import { describeServiceAccount } from '../serviceaccount';

export const CORE_DESCRIBERS: GroupDescribers = {
  group: '',
  describers: {
    Pod: (obj, source, settings) => describePod(obj, events(source, obj, settings), source.now()),
    Node: (obj, source, settings) => describeNode(obj, source.list('pods'), events(source, obj, settings), source.now()),
    Service: (obj, source, settings) => {
      // kubectl lists the Service's slices by their `kubernetes.io/service-name` label.
      const slices = source.list('endpointslices', obj.metadata.namespace, { labelSelector: `kubernetes.io/service-name=${obj.metadata.name}` });
      return describeService(obj, slices as unknown as EndpointSlice[], events(source, obj, settings), source.now());
    },
    Endpoints: (obj, source, settings) => describeEndpoints(obj, events(source, obj, settings), source.now()),
    Namespace: (obj, source) => describeNamespace(obj, source.list('resourcequotas', obj.metadata.name)),
    ConfigMap: (obj, source, settings) => describeConfigMap(obj, events(source, obj, settings), source.now()),
    ResourceQuota: (obj) => describeResourceQuota(obj),
    Secret: (obj) => describeSecret(obj),
    ServiceAccount: (obj, source, settings) => describeServiceAccount(obj, secretNames(source, obj.metadata.namespace), events(source, obj, settings), source.now()),
  },
  generic: ['Event', 'ComponentStatus'],
};

/** The namespace's Secret names (a referenced one missing is marked), or undefined when they cannot be listed. */
function secretNames(source: DescribeSource, namespace: string | undefined): Set<string> | undefined {
  try {
    return new Set(source.list('secrets', namespace).map((s) => s.metadata.name!));
  } catch {
    return undefined;
  }
}
