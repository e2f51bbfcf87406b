/**
 * ResourceQuota admission (plugin/pkg/admission/resourcequota): a create is refused when it
 * would take any quota of its namespace past `hard`, or when a cpu/memory quota applies and a
 * container leaves that resource unset. Usage is counted live from the store, so creates in quick
 * succession are each seen; a dry run is judged the same way (it only stores nothing). An update
 * is charged for what it adds (a claim's or Service's growth).
 */
import type { Container, Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { quantityString } from '../../core/quantity';
import { parseList, type ResourceList } from '../../core/resource-list';
import type { Store } from '../../core/store';
import { isPodComputeName, matchesScopes, usageOf } from '../../quota/evaluate';
import { kindOfQuotaName, kindUsage } from '../../quota/usage';
import { forbidden } from '../errors';
import type { AdmissionPlugin } from './plugin';
import type { PodUsage } from './pod-usage';

type Quota = ResourceQuota & KObject;

/** Resources whose quota makes every container state them (the pod evaluator's validationSet). */
const MUST_SPECIFY = ['cpu', 'limits.cpu', 'limits.memory', 'memory', 'requests.cpu', 'requests.memory'];

export function resourceQuota(store: Store, usage: PodUsage): AdmissionPlugin {
  // Each namespace's quotas, listed when first asked after any quota changed: every create asks.
  const listed = new Map<string, Quota[]>();
  store.subscribe(() => listed.clear(), 'resourcequotas');
  return {
    name: 'ResourceQuota',
    validate({ resource, object }) {
      const ns = object.metadata.namespace;
      if (!ns) return;
      // The quotas whose scopes take the object in, by name, with their limits parsed once.
      const quotas = quotasFor(ns, resource.plural, resource.group, object);
      if (!quotas.length) return;
      const name = object.metadata.name!;
      // Every quota's constraints are checked before any usage (checkRequest's two passes).
      for (const { q, hard } of quotas) {
        const missing = resource.plural === 'pods' ? missingRequirements(object as Pod & KObject, hard) : '';
        if (missing) throw forbidden(resource.plural, resource.group, name, `failed quota: ${q.metadata.name}: must specify ${missing}`);
      }
      const compute = quotas.some((q) => q.compute);
      checkUsage(quotas, usageOf(resource.plural, resource.group, object, compute), resource.plural, resource.group, name);
    },
    // On update only the claim and Service evaluators apply in 1.32 (the pod one needs
    // InPlacePodVerticalScaling, off; object counts are charged on create): what the update
    // adds — a claim's larger request, a Service turned NodePort or LoadBalancer — is charged.
    validateUpdate(resource, object, old) {
      if (resource.group || !UPDATE_EVALUATED.has(resource.plural)) return;
      const ns = object.metadata.namespace;
      if (!ns) return;
      const quotas = quotasFor(ns, resource.plural, '', object);
      if (!quotas.length) return;
      const delta = growth(usageOf(resource.plural, '', object), usageOf(resource.plural, '', old));
      if (delta.size) checkUsage(quotas, delta, resource.plural, '', old.metadata.name!);
    },
  };

  /**
   * The quotas of `ns` that limit some name of the object's kind and whose scopes take it in,
   * by name (the store lists them so). Every create asks, events included: most find none.
   */
  function quotasFor(ns: string, plural: string, group: string, object: KObject): ParsedQuota[] {
    const kind = kindKey(plural, group);
    const out: ParsedQuota[] = [];
    let quotas = listed.get(ns);
    if (!quotas) listed.set(ns, (quotas = store.list('resourcequotas', ns) as Quota[]));
    for (const q of quotas) {
      const parsed = parsedQuota(q);
      if (parsed.kinds.has(kind) && matchesScopes(q, plural, object)) out.push(parsed);
    }
    return out;
  }

  /** Refuses `requested` on top of each quota's live usage when it passes `hard` (checkQuotas). */
  function checkUsage(quotas: ParsedQuota[], requested: ResourceList, plural: string, group: string, name: string): void {
    for (const { q, hard } of quotas) {
      const names = [...requested.keys()].filter((n) => hard.has(n));
      if (!names.length) continue;
      const used = kindUsage(store, usage, q, plural, group, names);
      const exceeded = names.filter((n) => used.get(n)!.nanos + requested.get(n)!.nanos > hard.get(n)!.nanos).sort();
      if (!exceeded.length) continue;
      const show = (list: ResourceList) => exceeded.map((n) => `${n}=${quantityString(list.get(n)!)}`).join(',');
      throw forbidden(plural, group, name, `exceeded quota: ${q.metadata.name}, requested: ${show(requested)}, used: ${show(used)}, limited: ${show(hard)}`);
    }
  }
}

/** Kinds whose quota evaluator Handles an UPDATE. */
const UPDATE_EVALUATED = new Set(['persistentvolumeclaims', 'services']);

/** What the new object uses beyond the old: positive differences only (SubtractWithNonNegativeResult, zeros dropped). */
function growth(now: ResourceList, before: ResourceList): ResourceList {
  const delta: ResourceList = new Map();
  for (const [n, q] of now) {
    const d = q.nanos - (before.get(n)?.nanos ?? 0n);
    if (d > 0n) delta.set(n, { ...q, nanos: d });
  }
  return delta;
}

/** A quota's parsed `hard`, the kinds (`plural` or `plural.group`) its names count, and whether it limits pods' compute. */
interface ParsedQuota {
  q: Quota;
  hard: ResourceList;
  kinds: Set<string>;
  compute: boolean;
}

/** `pods`, `deployments.apps`: how ParsedQuota.kinds names a kind. */
function kindKey(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}

/** Parsed once per stored version (stored objects never change). */
const PARSED = new WeakMap<Quota, ParsedQuota>();

function parsedQuota(q: Quota): ParsedQuota {
  let parsed = PARSED.get(q);
  if (parsed) return parsed;
  const hard = parseList(q.spec?.hard as Record<string, string> | undefined);
  const kinds = new Set<string>();
  for (const name of hard.keys()) {
    const kind = kindOfQuotaName(name);
    if (kind) kinds.add(kindKey(kind.plural, kind.group));
  }
  parsed = { q, hard, kinds, compute: [...hard.keys()].some(isPodComputeName) };
  PARSED.set(q, parsed);
  return parsed;
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
