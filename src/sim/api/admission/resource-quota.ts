/**
 * ResourceQuota admission (plugin/pkg/admission/resourcequota): a create is refused when it
 * would take any quota of its namespace past `hard`, or when a cpu/memory quota applies and a
 * container leaves that resource unset. Usage is counted live from the store, so creates in quick
 * succession are each seen; a dry run is judged the same way (it only stores nothing).
 */
import type { Container, Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { quantityString } from '../../core/quantity';
import { parseList, type ResourceList } from '../../core/resource-list';
import type { Store } from '../../core/store';
import { isPodComputeName, matchesScopes, usageOf } from '../../quota/evaluate';
import { kindUsage } from '../../quota/usage';
import { forbidden } from '../errors';
import type { AdmissionPlugin } from './plugin';
import type { PodUsage } from './pod-usage';

type Quota = ResourceQuota & KObject;

/** Resources whose quota makes every container state them (the pod evaluator's validationSet). */
const MUST_SPECIFY = ['cpu', 'limits.cpu', 'limits.memory', 'memory', 'requests.cpu', 'requests.memory'];

export function resourceQuota(store: Store, usage: PodUsage): AdmissionPlugin {
  return {
    name: 'ResourceQuota',
    validate({ resource, object }) {
      const ns = object.metadata.namespace;
      if (!ns) return;
      // The quotas whose scopes take the object in, by name, with their limits parsed once.
      const quotas = (store.list('resourcequotas', ns) as Quota[])
        .filter((q) => matchesScopes(q, resource.plural, object))
        .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
        .map((q) => ({ q, hard: hardOf(q) }));
      if (!quotas.length) return;
      const name = object.metadata.name!;
      // Every quota's constraints are checked before any usage (checkRequest's two passes).
      for (const { q, hard } of quotas) {
        const missing = resource.plural === 'pods' ? missingRequirements(object as Pod & KObject, hard) : '';
        if (missing) throw forbidden(resource.plural, resource.group, name, `failed quota: ${q.metadata.name}: must specify ${missing}`);
      }
      const compute = quotas.some(({ hard }) => [...hard.keys()].some(isPodComputeName));
      const requested = usageOf(resource.plural, resource.group, object, compute);
      for (const { q, hard } of quotas) {
        const names = [...requested.keys()].filter((n) => hard.has(n));
        if (!names.length) continue;
        const used = kindUsage(store, usage, q, resource.plural, resource.group, names);
        const exceeded = names.filter((n) => used.get(n)!.nanos + requested.get(n)!.nanos > hard.get(n)!.nanos).sort();
        if (!exceeded.length) continue;
        const show = (list: ResourceList) => exceeded.map((n) => `${n}=${quantityString(list.get(n)!)}`).join(',');
        throw forbidden(resource.plural, resource.group, name, `exceeded quota: ${q.metadata.name}, requested: ${show(requested)}, used: ${show(used)}, limited: ${show(hard)}`);
      }
    },
  };
}

/** A quota's parsed `hard`, once per stored version (stored objects never change: every pod create asks). */
const HARD = new WeakMap<Quota, ResourceList>();

function hardOf(q: Quota): ResourceList {
  let hard = HARD.get(q);
  if (!hard) HARD.set(q, (hard = parseList(q.spec?.hard as Record<string, string> | undefined)));
  return hard;
}

/** enforcePodContainerConstraints: `limits.cpu for: a,b; limits.memory for: a`, or ''. */
function missingRequirements(pod: Pod, hard: ResourceList): string {
  const required = MUST_SPECIFY.filter((r) => hard.has(r));
  if (!required.length) return '';
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const has = containerResourceNames(c);
    for (const r of required) if (!has.has(r)) (missing.get(r) ?? missing.set(r, new Set()).get(r)!).add(c.name);
  }
  return [...missing.keys()]
    .sort()
    .map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`)
    .join('; ');
}

function containerResourceNames(c: Container): Set<string> {
  const names = new Set<string>();
  const requests = c.resources?.requests ?? {};
  const limits = c.resources?.limits ?? {};
  if ('cpu' in requests) names.add('cpu').add('requests.cpu');
  if ('memory' in requests) names.add('memory').add('requests.memory');
  if ('cpu' in limits) names.add('limits.cpu');
  if ('memory' in limits) names.add('limits.memory');
  return names;
}
