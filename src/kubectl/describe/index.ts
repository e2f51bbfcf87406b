/**
 * `describeObject(client, obj)`: the text `kubectl describe` prints for one object, from the
 * describer registered for its GroupKind, or the generic describer. Pure.
 */
import type { KObject } from '../../sim/core/object';
import { describeConfigMap, describeGeneric, describeService } from './core';
import { describeLimitRange, describeNamespace, describeResourceQuota } from './quota';
import { DEFAULT_DESCRIBER_SETTINGS, eventsOf, type DescribeSource, type Describer, type DescriberSettings, type GroupDescribers } from './describer';
import { APPS_DESCRIBERS } from './groups/apps';
import { BATCH_DESCRIBERS } from './groups/batch';
import { CORE_DESCRIBERS } from './groups/core';
import { DISCOVERY_DESCRIBERS } from './groups/discovery';
import { NETWORKING_DESCRIBERS } from './groups/networking';
import { RBAC_DESCRIBERS } from './groups/rbac';
import { STORAGE_DESCRIBERS } from './groups/storage';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeDeployment, describeReplicaSet } from './workloads';

export type { DescribeSource, DescriberSettings };

/** One entry per API group kubectl describes. */
export const DESCRIBER_GROUPS: readonly GroupDescribers[] = [CORE_DESCRIBERS, APPS_DESCRIBERS, BATCH_DESCRIBERS, DISCOVERY_DESCRIBERS, NETWORKING_DESCRIBERS, RBAC_DESCRIBERS, STORAGE_DESCRIBERS];

const BY_GROUP_KIND = new Map<string, Describer>(DESCRIBER_GROUPS.flatMap((g) => Object.entries(g.describers).map(([kind, d]) => [`${kind}.${g.group}`, d])));

/** The describer kubectl has for a GroupKind, if any (otherwise it uses the generic one). */
export function describerFor(group: string, kind: string): Describer | undefined {
  return BY_GROUP_KIND.get(`${kind}.${group}`);
}

export function describeObject(source: DescribeSource, obj: KObject, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const slash = obj.apiVersion.indexOf('/');
  const describer = describerFor(slash < 0 ? '' : obj.apiVersion.slice(0, slash), obj.kind);
  if (describer) return describer(obj, source, settings);
  return describeGeneric(obj, eventsOf(source, obj, settings), source.now());
}

export { describePod, describeDeployment, describeReplicaSet, describeNode, describeService, describeNamespace, describeConfigMap, describeResourceQuota, describeLimitRange };
