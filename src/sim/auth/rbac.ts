/**
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed when a rule of a
 * role bound to the user allows it — ClusterRoleBindings first, then the RoleBindings of the
 * request's namespace. Nothing denies; a binding to a missing role is an error that becomes the
 * Forbidden message's `RBAC: …` reason. `rulesFor` is what a SelfSubjectRulesReview lists.
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { KObject } from '../core/object';
import { isResourceRequest, type Attributes, type ResourceAttributes } from './attributes';
import { splitServiceAccountUsername, type UserInfo } from './user';

/** What the authorizer reads: the store's lists. */
export interface RbacSource {
  list(resource: string, namespace?: string): KObject[];
}

export interface Decision {
  allowed: boolean;
  /** `RBAC: role.rbac.authorization.k8s.io "x" not found`, when a binding could not be followed. */
  reason: string;
}

export function authorize(source: RbacSource, user: UserInfo, attrs: Attributes): Decision {
  const errors: string[] = [];
  let allowed = false;
  visitRules(source, user, isResourceRequest(attrs) ? attrs.namespace ?? '' : '', (rules, error) => {
    if (error) errors.push(error);
    if (rules?.some((r) => ruleAllows(attrs, r))) allowed = true;
    return !allowed;
  });
  if (allowed) return { allowed, reason: '' };
  return { allowed, reason: errors.length ? `RBAC: ${aggregate(errors)}` : '' };
}

/** Every rule the user holds in `namespace` (and cluster-wide), with the errors met. */
export function rulesFor(source: RbacSource, user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRules(source, user, namespace, (found, error) => {
    if (error) errors.push(error);
    if (found) rules.push(...found);
    return true;
  });
  return { rules, errors };
}

/** utilerrors.NewAggregate's message: one error bare, several in brackets. */
function aggregate(errors: string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

type Visitor = (rules: PolicyRule[] | undefined, error: string | undefined) => boolean;

function visitRules(source: RbacSource, user: UserInfo, namespace: string, visit: Visitor): void {
  for (const b of source.list('clusterrolebindings') as (ClusterRoleBinding & KObject)[]) {
    if (!appliesTo(user, b.subjects, '')) continue;
    const [rules, error] = roleRules(source, b.roleRef, '');
    if (!visit(rules, error)) return;
  }
  if (!namespace) return;
  for (const b of source.list('rolebindings', namespace) as (RoleBinding & KObject)[]) {
    if (!appliesTo(user, b.subjects, namespace)) continue;
    const [rules, error] = roleRules(source, b.roleRef, namespace);
    if (!visit(rules, error)) return;
  }
}

export function roleRules(source: RbacSource, ref: { kind: string; name: string }, namespace: string): [PolicyRule[] | undefined, string | undefined] {
  if (ref.kind === 'ClusterRole') {
    const role = source.list('clusterroles').find((r) => r.metadata.name === ref.name) as (ClusterRole & KObject) | undefined;
    return role ? [role.rules ?? [], undefined] : [undefined, `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`];
  }
  if (ref.kind === 'Role') {
    const role = source.list('roles', namespace).find((r) => r.metadata.name === ref.name) as (Role & KObject) | undefined;
    return role ? [role.rules ?? [], undefined] : [undefined, `role.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`];
  }
  return [undefined, `unsupported role reference kind: ${JSON.stringify(ref.kind)}`];
}

function appliesTo(user: UserInfo, subjects: Subject[] | undefined, namespace: string): boolean {
  return (subjects ?? []).some((s) => {
    switch (s.kind) {
      case 'User':
        return user.name === s.name;
      case 'Group':
        return user.groups.includes(s.name);
      case 'ServiceAccount': {
        const ns = s.namespace || namespace;
        const sa = splitServiceAccountUsername(user.name);
        return !!ns && !!sa && sa.namespace === ns && sa.name === s.name;
      }
      default:
        return false;
    }
  });
}

/** rbac.RuleAllows. */
export function ruleAllows(attrs: Attributes, rule: PolicyRule): boolean {
  if (!verbMatches(rule, attrs.verb)) return false;
  if (!isResourceRequest(attrs)) return nonResourceURLMatches(rule, attrs.path);
  const combined = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  return apiGroupMatches(rule, attrs.apiGroup) && resourceMatches(rule, combined, attrs.subresource ?? '') && resourceNameMatches(rule, attrs);
}

const verbMatches = (rule: PolicyRule, verb: string) => rule.verbs.some((v) => v === '*' || v === verb);
const apiGroupMatches = (rule: PolicyRule, group: string) => (rule.apiGroups ?? []).some((g) => g === '*' || g === group);

function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some((r) => {
    if (r === '*' || r === combined) return true;
    // `*/scale` matches the scale subresource of every resource.
    return !!subresource && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource);
  });
}

function resourceNameMatches(rule: PolicyRule, attrs: ResourceAttributes): boolean {
  if (!rule.resourceNames?.length) return true;
  return rule.resourceNames.includes(attrs.name ?? '');
}

function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))));
}
