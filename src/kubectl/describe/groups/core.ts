/** The core group's describers (kubectl's describerMap, `Group: corev1.GroupName`). */
import type { Node, Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../../sim/core/object';
import { describeConfigMap, describeNamespace, describeResourceQuota, describeService, podEndpoints } from '../core';
import { eventsOf as events, type DescribeSource, type GroupDescribers } from '../describer';
import { describeNode } from '../node';
import { describePod } from '../pod';
import { describeServiceAccount } from '../serviceaccount';

export const CORE_DESCRIBERS: GroupDescribers = {
  group: '',
  describers: {
    Pod: (obj, source, settings) => describePod(obj, events(source, obj, settings), source.now()),
    Node: (obj, source, settings) => describeNode(obj, source.list('pods'), events(source, obj, settings), source.now()),
    Service: (obj, source, settings) => describeService(obj, serviceEndpoints(source, obj), events(source, obj, settings), source.now()),
    Namespace: (obj, source) => describeNamespace(obj, source.list('resourcequotas', obj.metadata.name)),
    ConfigMap: (obj, source, settings) => describeConfigMap(obj, events(source, obj, settings), source.now()),
    ResourceQuota: (obj) => describeResourceQuota(obj),
    ServiceAccount: (obj, source, settings) => describeServiceAccount(obj, secretNames(source, obj.metadata.namespace), events(source, obj, settings), source.now()),
  },
  generic: ['Event', 'ComponentStatus'],
};

function serviceEndpoints(source: DescribeSource, svc: KObject) {
  const selector = (svc as Service & KObject).spec?.selector;
  if (!selector || Object.keys(selector).length === 0) {
    // The default `kubernetes` service points at the api-server on the control plane.
    if (svc.metadata.name === 'kubernetes' && svc.metadata.namespace === 'default') {
      const cp = source.list('nodes').find((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}));
      const ip = (cp as (Node & KObject) | undefined)?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
      return () => (ip ? [`${ip}:6443`] : undefined);
    }
    return () => undefined;
  }
  return podEndpoints(svc, source.list('pods', svc.metadata.namespace));
}

/** The namespace's Secret names, or undefined while the playground serves no Secrets. */
function secretNames(source: DescribeSource, namespace: string | undefined): Set<string> | undefined {
  try {
    return new Set(source.list('secrets', namespace).map((s) => s.metadata.name!));
  } catch {
    return undefined;
  }
}
