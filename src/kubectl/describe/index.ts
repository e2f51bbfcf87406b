/**
 * `describeObject(cluster, obj)`: the text `kubectl describe` prints for one object, reading
 * what it needs (events, pods, replica sets, quotas) from the cluster's api. Pure.
 */
import type { Cluster } from '../../sim/cluster';
import type { KObject } from '../../sim/object';
import { describeConfigMap, describeGeneric, describeNamespace, describeResourceQuota, describeService, podEndpoints } from './core';
import { describeNode } from './node';
import { describePod } from './pod';
import { eventsFor } from './writer';
import { describeDeployment, describeReplicaSet } from './workloads';

/** The parts of a cluster describe reads: its api and its clock. */
export type DescribeSource = Pick<Cluster, 'api' | 'clock'>;

export function describeObject(cluster: DescribeSource, obj: KObject): string {
  const api = cluster.api;
  const now = cluster.clock.now();
  const ns = obj.metadata.namespace;
  const events = () => eventsFor(api.list('events', obj.metadata.namespace ?? 'default'), obj);
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj, events(), now);
    case 'Deployment':
      return describeDeployment(obj, { nowMs: now, events: events(), replicaSets: api.list('replicasets', ns), pods: [] });
    case 'ReplicaSet':
      return describeReplicaSet(obj, { nowMs: now, events: events(), replicaSets: [], pods: api.list('pods', ns) });
    case 'Node':
      return describeNode(obj, api.list('pods'), events(), now);
    case 'Service':
      return describeService(obj, serviceEndpoints(cluster, obj), events(), now);
    case 'Namespace':
      return describeNamespace(obj, api.list('resourcequotas', obj.metadata.name));
    case 'ConfigMap':
      return describeConfigMap(obj, events(), now);
    case 'ResourceQuota':
      return describeResourceQuota(obj);
    default:
      return describeGeneric(obj, events(), now);
  }
}

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

export { describePod, describeDeployment, describeReplicaSet, describeNode, describeService, describeNamespace, describeConfigMap, describeResourceQuota };
