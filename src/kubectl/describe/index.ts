/**
 * `describeObject(client, obj)`: the text `kubectl describe` prints for one object, reading
 * what it needs (events, pods, replica sets, quotas) through the api client. Pure.
 */
import type { KubeClient } from '../client';
import type { KObject } from '../../sim/object';
import { describeConfigMap, describeGeneric, describeNamespace, describeResourceQuota, describeService, podEndpoints } from './core';
import { describeNode } from './node';
import { describePod } from './pod';
import { eventsFor } from './writer';
import { describeDeployment, describeReplicaSet } from './workloads';

/** What describe reads: lists, and the time ages are measured at. */
export type DescribeSource = Pick<KubeClient, 'list' | 'now'>;

export function describeObject(client: DescribeSource, obj: KObject): string {
  const now = client.now();
  const ns = obj.metadata.namespace;
  const events = () => eventsFor(client.list('events', obj.metadata.namespace ?? 'default'), obj);
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj, events(), now);
    case 'Deployment':
      return describeDeployment(obj, { nowMs: now, events: events(), replicaSets: client.list('replicasets', ns), pods: [] });
    case 'ReplicaSet':
      return describeReplicaSet(obj, { nowMs: now, events: events(), replicaSets: [], pods: client.list('pods', ns) });
    case 'Node':
      return describeNode(obj, client.list('pods'), events(), now);
    case 'Service':
      return describeService(obj, serviceEndpoints(client, obj), events(), now);
    case 'Namespace':
      return describeNamespace(obj, client.list('resourcequotas', obj.metadata.name));
    case 'ConfigMap':
      return describeConfigMap(obj, events(), now);
    case 'ResourceQuota':
      return describeResourceQuota(obj);
    default:
      return describeGeneric(obj, events(), now);
  }
}

function serviceEndpoints(client: DescribeSource, svc: KObject) {
  const selector = (svc as { spec?: { selector?: Record<string, string> } }).spec?.selector;
  if (!selector || Object.keys(selector).length === 0) {
    // The default `kubernetes` service points at the api-server on the control plane.
    if (svc.metadata.name === 'kubernetes' && svc.metadata.namespace === 'default') {
      const cp = client.list('nodes').find((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}));
      const ip = (cp as { status?: { addresses?: { type: string; address: string }[] } } | undefined)?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
      return () => (ip ? [`${ip}:6443`] : undefined);
    }
    return () => undefined;
  }
  return podEndpoints(svc, client.list('pods', svc.metadata.namespace));
}

export { describePod, describeDeployment, describeReplicaSet, describeNode, describeService, describeNamespace, describeConfigMap, describeResourceQuota };
