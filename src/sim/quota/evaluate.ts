/**
 * What an object counts for under a ResourceQuota (pkg/quota/v1/evaluator/core): a pod its
 * `pods` and compute requests/limits, a Service its node ports and load balancers, a claim its
 * storage, any object `count/<resource>.<group>`; and whether a quota's scopes take it in.
 * Admission and the quota controller share these, so both count alike.
 */
import type { PersistentVolumeClaim, Pod, ResourceQuota, ScopedResourceSelectorRequirement, Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../core/object';
import type { Quantity } from '../core/quantity';
import { parseList, podTotal, type ResourceList } from '../core/resource-list';
import { qosClass } from '../kinds/core/qos';
import { storageClassOf } from '../kinds/core/volume-access';

const ONE: Quantity = { nanos: 1_000_000_000n, format: 'DecimalSI' };

/** Core kinds whose object count also has a bare quota name (`configmaps`, `secrets`, …). */
const LEGACY_COUNTS = new Set(['pods', 'services', 'configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas', 'persistentvolumeclaims']);

const POD_COMPUTE: [string, 'requests' | 'limits', string][] = [
  ['cpu', 'requests', 'cpu'],
  ['requests.cpu', 'requests', 'cpu'],
  ['memory', 'requests', 'memory'],
  ['requests.memory', 'requests', 'memory'],
  ['requests.ephemeral-storage', 'requests', 'ephemeral-storage'],
  ['limits.cpu', 'limits', 'cpu'],
  ['limits.memory', 'limits', 'memory'],
  ['limits.ephemeral-storage', 'limits', 'ephemeral-storage'],
];

/** Quota names a pod's requests and limits count for. */
export function isPodComputeName(name: string): boolean {
  return POD_COMPUTE.some(([n]) => n === name);
}

/**
 * The quota names a new or stored object of `plural.group` uses, with amounts. `compute: false`
 * leaves out a pod's requests and limits when no quota asks for them (parsing them is the cost).
 */
export function usageOf(plural: string, group: string, obj: KObject, compute = true): ResourceList {
  const usage: ResourceList = new Map();
  usage.set(group ? `count/${plural}.${group}` : `count/${plural}`, ONE);
  if (!group && LEGACY_COUNTS.has(plural)) usage.set(plural, ONE);
  if (group) return usage;
  if (plural === 'pods' && compute) podUsage(obj as Pod & KObject, usage);
  if (plural === 'services') serviceUsage(obj as Service & KObject, usage);
  if (plural === 'persistentvolumeclaims') claimUsage(obj as PersistentVolumeClaim & KObject, usage);
  return usage;
}

function podUsage(pod: Pod, usage: ResourceList): void {
  const totals = { requests: podTotal(pod.spec, 'requests'), limits: podTotal(pod.spec, 'limits') };
  for (const [name, field, resource] of POD_COMPUTE) {
    const q = totals[field].get(resource);
    if (q) usage.set(name, q);
  }
}

function serviceUsage(svc: Service, usage: ResourceList): void {
  const type = svc.spec?.type ?? 'ClusterIP';
  const count = (n: number): Quantity => ({ nanos: BigInt(n) * ONE.nanos, format: 'DecimalSI' });
  if (type === 'LoadBalancer') usage.set('services.loadbalancers', ONE);
  const ports = svc.spec?.ports ?? [];
  if (type === 'NodePort') usage.set('services.nodeports', count(ports.length));
  // A load balancer counts its node ports by intent: all of them, unless allocation is off.
  if (type === 'LoadBalancer') usage.set('services.nodeports', count(svc.spec?.allocateLoadBalancerNodePorts === false ? ports.filter((p) => p.nodePort).length : ports.length));
}

function claimUsage(pvc: PersistentVolumeClaim, usage: ResourceList): void {
  const storage = parseList(pvc.spec?.resources?.requests as Record<string, string> | undefined).get('storage');
  if (storage) usage.set('requests.storage', storage);
  const cls = storageClassOf(pvc);
  if (cls) {
    usage.set(`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`, ONE);
    if (storage) usage.set(`${cls}.storageclass.storage.k8s.io/requests.storage`, storage);
  }
}

/** Pods in Succeeded or Failed no longer count (QuotaV1Pod). */
export function countsAgainstQuota(plural: string, obj: KObject): boolean {
  if (plural !== 'pods') return true;
  const phase = (obj as Pod & KObject).status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

type Quota = ResourceQuota & KObject;

/** Whether the quota has scopes, by list or by selector. */
export function hasScopes(q: Quota): boolean {
  return (q.spec?.scopes?.length ?? 0) > 0 || (q.spec?.scopeSelector?.matchExpressions?.length ?? 0) > 0;
}

/** Every scope must match; only pods have scopes to match (MatchesNoScopeFunc for the rest). */
export function matchesScopes(q: Quota, plural: string, obj: KObject): boolean {
  if (!hasScopes(q)) return true;
  if (plural !== 'pods') return false;
  const pod = obj as Pod & KObject;
  const selectors: ScopedResourceSelectorRequirement[] = [
    ...(q.spec?.scopes ?? []).map((scopeName) => ({ scopeName, operator: 'Exists' })),
    ...(q.spec?.scopeSelector?.matchExpressions ?? []),
  ];
  return selectors.every((s) => podMatchesScope(pod, s));
}

function podMatchesScope(pod: Pod, s: ScopedResourceSelectorRequirement): boolean {
  const deadline = pod.spec?.activeDeadlineSeconds;
  switch (s.scopeName) {
    case 'Terminating':
      return deadline !== undefined && deadline !== null && deadline >= 0;
    case 'NotTerminating':
      return deadline === undefined || deadline === null || deadline < 0;
    case 'BestEffort':
      return qosClass(pod.spec) === 'BestEffort';
    case 'NotBestEffort':
      return qosClass(pod.spec) !== 'BestEffort';
    case 'PriorityClass': {
      // Matched as a label set {PriorityClass: name}: the key is always there, even empty.
      const name = pod.spec?.priorityClassName ?? '';
      if (s.operator === 'Exists') return true;
      if (s.operator === 'DoesNotExist') return false;
      const inValues = (s.values ?? []).includes(name);
      return s.operator === 'In' ? inValues : !inValues;
    }
    default:
      return false;
  }
}
