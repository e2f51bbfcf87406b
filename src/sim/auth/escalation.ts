/**
 * RBAC's escalation check (pkg/registry/rbac/role/policybased and its siblings, validation.ConfirmNoEscalation): a
 * user may only write a role whose rules it holds itself (unless it may `escalate` roles), and
 * only bind a role whose rules it holds (unless it may `bind` it). The Forbidden message lists
 * the missing rules one verb each, compacted, as `{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}`.
 */
import type { PolicyRule, RoleRef } from 'kubernetes-types/rbac/v1';
import { forbidden, type StatusError } from '../api/errors';
import type { KObject } from '../core/object';
import { authorize, roleRules, rulesFor, type RbacSource } from './rbac';
import type { UserInfo } from './user';

const GROUP = 'rbac.authorization.k8s.io';
const SYSTEM_MASTERS = 'system:masters';

/** The Forbidden error for writing `obj` (a role or binding), or undefined when the user may. */
export function escalationError(source: RbacSource, user: UserInfo, resource: string, obj: KObject): StatusError | undefined {
  if (user.groups.includes(SYSTEM_MASTERS)) return undefined;
  const namespace = obj.metadata.namespace ?? '';
  const name = obj.metadata.name ?? '';
  const may = (verb: string, res: string, objName?: string) => authorize(source, user, { verb, apiGroup: GROUP, resource: res, namespace: namespace || undefined, name: objName }).allowed;
  let rules: PolicyRule[];
  if (resource === 'roles' || resource === 'clusterroles') {
    if (may('escalate', resource)) return undefined;
    rules = (obj.rules as PolicyRule[] | undefined) ?? [];
  } else if (resource === 'rolebindings' || resource === 'clusterrolebindings') {
    const ref = obj.roleRef as RoleRef | undefined;
    if (!ref) return undefined;
    if (may('bind', ref.kind === 'Role' ? 'roles' : 'clusterroles', ref.name)) return undefined;
    const [found, error] = roleRules(source, ref, namespace);
    if (!found) return forbidden(resource, GROUP, name, error!);
    rules = found;
  } else {
    return undefined;
  }
  const owned = rulesFor(source, user, namespace);
  const missing = breakdown(rules).filter((r) => !owned.rules.some((o) => covers(o, r)));
  if (!missing.length) return undefined;
  const lines = [...new Set(compact(missing).map(compactString))].sort();
  let msg = `user ${JSON.stringify(user.name)} (groups=${goQuotedSlice(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`;
  if (owned.errors.length) msg += `; resolution errors: [${owned.errors.join(' ')}]`;
  return forbidden(resource, GROUP, name, msg);
}

/** validation.BreakdownRule: one rule per group, resource, verb and name. */
function breakdown(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const rule of rules) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        for (const verb of rule.verbs) {
          if (rule.resourceNames?.length) for (const n of rule.resourceNames) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [n] });
          else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
        }
      }
    }
    for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  }
  return out;
}

const has = (set: readonly string[] | undefined, v: string) => (set ?? []).includes(v);
const hasAll = (set: readonly string[] | undefined, vs: readonly string[] | undefined) => (vs ?? []).every((v) => has(set, v));

/** validation.ruleCovers. */
function covers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, sub.verbs);
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, sub.apiGroups);
  const resources = has(owner.resources, '*') || (sub.resources ?? []).every((r) => has(owner.resources, r) || (r.includes('/') && has(owner.resources, `*/${r.slice(r.indexOf('/') + 1)}`)));
  const urls = has(owner.nonResourceURLs, '*') || (sub.nonResourceURLs ?? []).every((u) => (owner.nonResourceURLs ?? []).some((o) => o === u || (o.endsWith('*') && u.startsWith(o.slice(0, -1)))));
  const names = sub.resourceNames?.length ? !owner.resourceNames?.length || hasAll(owner.resourceNames, sub.resourceNames) : !owner.resourceNames?.length;
  return verbs && groups && resources && urls && names;
}

/** validation.CompactRules: simple rules (one group, one resource, no names) merge their verbs. */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple = r.apiGroups?.length === 1 && r.resources?.length === 1 && !r.resourceNames?.length && !r.nonResourceURLs?.length;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = `${r.apiGroups![0]}\u0000${r.resources![0]}`;
    const existing = simple.get(key);
    if (existing) existing.verbs.push(...r.verbs.filter((v) => !existing.verbs.includes(v)));
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

/** rbacv1helpers.CompactString: `{APIGroups:[""], Resources:["pods"], Verbs:["get" "list"]}`. */
function compactString(r: PolicyRule): string {
  const parts: string[] = [];
  if (r.apiGroups?.length) parts.push(`APIGroups:${goQuotedSlice(r.apiGroups)}`);
  if (r.resources?.length) parts.push(`Resources:${goQuotedSlice(r.resources)}`);
  if (r.nonResourceURLs?.length) parts.push(`NonResourceURLs:${goQuotedSlice(r.nonResourceURLs)}`);
  if (r.resourceNames?.length) parts.push(`ResourceNames:${goQuotedSlice(r.resourceNames)}`);
  if (r.verbs?.length) parts.push(`Verbs:${goQuotedSlice(r.verbs)}`);
  return `{${parts.join(', ')}}`;
}

/** Go's `%q` of a []string: `["a" "b"]`. */
function goQuotedSlice(a: readonly string[]): string {
  return `[${a.map((s) => JSON.stringify(s)).join(' ')}]`;
}
