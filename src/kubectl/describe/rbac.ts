/**
 * `kubectl describe role|clusterrole|rolebinding|clusterrolebinding` (RoleDescriber and friends in
 * kubectl's describe.go): a role's rules are broken down to one resource each, rules differing
 * only by verb merged again (kubectl's rbac.BreakdownRule and CompactRules), sorted by their Go
 * string, and printed with Go's `%v` of a string slice (`[get list]`).
 */
import type { PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { KObject } from '../../sim/core/object';
import { PrefixWriter, writeAnnotations, writeLabels } from './writer';

export function describeRole(obj: KObject): string {
  const role = obj as Role & KObject;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${role.metadata.name}\n`);
  writeLabels(w, 'Labels', role.metadata.labels);
  writeAnnotations(w, 'Annotations', role.metadata.annotations);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  for (const r of sortRules(compactRules((role.rules ?? []).flatMap(breakdownRule)))) {
    w.write(1, `${combineResourceGroup(r.resources ?? [], r.apiGroups ?? [])}\t${goSlice(r.nonResourceURLs)}\t${goSlice(r.resourceNames)}\t${goSlice(r.verbs)}\n`);
  }
  return w.toString();
}

export function describeRoleBinding(obj: KObject): string {
  const binding = obj as RoleBinding & KObject;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${binding.metadata.name}\n`);
  writeLabels(w, 'Labels', binding.metadata.labels);
  writeAnnotations(w, 'Annotations', binding.metadata.annotations);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`);
  w.write(1, `Name:\t${binding.roleRef?.name ?? ''}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of binding.subjects ?? []) w.write(1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  return w.toString();
}

/** One rule per (group, resource[, name]) and per non-resource URL. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      if (rule.resourceNames?.length) for (const name of rule.resourceNames) out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs, resourceNames: [name] });
      else out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

/** Simple rules (one group, one resource, at most one name) differing only by verb become one. */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const complex: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const simpleRule = (rule.resourceNames?.length ?? 0) <= 1 && !rule.nonResourceURLs?.length && rule.apiGroups?.length === 1 && rule.resources?.length === 1;
    if (!simpleRule) {
      complex.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups![0], rule.resources![0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...rule, verbs: [...(rule.verbs ?? [])] });
    else for (const verb of rule.verbs ?? []) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
  }
  return [...complex, ...simple.values()];
}

/**
 * SortableRuleSlice: by the rule's `String()` — the protobuf-generated one of rbac/v1
 * (`&PolicyRule{Verbs:[get list],APIGroups:[],…}`): verbs sort first, and `pods/log` before `pods`.
 */
export function sortRules(rules: PolicyRule[]): PolicyRule[] {
  const keyed = rules.map((r) => [ruleString(r), r] as const);
  return keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

function ruleString(r: PolicyRule): string {
  const v = (a: string[] | undefined) => goSlice(a);
  return `&PolicyRule{Verbs:${v(r.verbs)},APIGroups:${v(r.apiGroups)},Resources:${v(r.resources)},ResourceNames:${v(r.resourceNames)},NonResourceURLs:${v(r.nonResourceURLs)},}`;
}

/** `pods.apps/log`-style: the first resource with the first group, subresource kept last. */
export function combineResourceGroup(resources: string[], groups: string[]): string {
  if (!resources.length) return '';
  const [resource, sub] = splitOnce(resources[0], '/');
  let combined = resource;
  if (groups.length && groups[0] !== '') combined += `.${groups[0]}`;
  if (sub !== undefined) combined += `/${sub}`;
  return combined;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** Go's `%v` of a []string. */
function goSlice(a: readonly string[] | undefined): string {
  return `[${(a ?? []).join(' ')}]`;
}
