/**
 * `kubectl create role|clusterrole|rolebinding|clusterrolebinding`, as kubectl 1.32's
 * create_role.go, create_clusterrole.go, create_rolebinding.go and create_clusterrolebinding.go
 * build them: one rule per API group (groups sorted), resources resolved through discovery
 * (`deploy` → `deployments` in `apps`), subjects users, then groups, then service accounts.
 */
import type { PolicyRule, Subject } from 'kubernetes-types/rbac/v1';
import { builtinGroup, builtinResource } from '../../sim/api/builtin-kinds';
import type { KObject } from '../../sim/core/object';
import { FlagError, type FlagSpec, type ParsedArgs } from '../args';
import { requiredFlagError } from '../output';
import { CliError } from '../errors';
import { CREATE_GENERATOR_FLAGS } from '../flags';
import type { CommandContext, CommandModule } from '../types';
import { createGenerated, exactlyOneName } from './generators';

const RBAC_V1 = 'rbac.authorization.k8s.io/v1';
const RBAC_GROUP = 'rbac.authorization.k8s.io';
const COMMON = CREATE_GENERATOR_FLAGS;

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
/** Verbs that only make sense on some resources (`bind` on roles, `impersonate` on users…). */
const SPECIAL_VERBS: Record<string, [group: string, resource: string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [[RBAC_GROUP, 'roles'], [RBAC_GROUP, 'clusterroles']],
  escalate: [[RBAC_GROUP, 'roles'], [RBAC_GROUP, 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras'], ['authentication.k8s.io', 'uids']],
};

interface ResourceOption {
  group: string;
  resource: string;
  subresource?: string;
}

/** pflag's StringSlice: every use of the flag, each split on commas. */
const slice = (args: ParsedArgs, flag: string) => args.strings(flag).flatMap((v) => (v === '' ? [] : v.split(',')));
const unique = (items: string[]) => [...new Set(items)];

/** Complete(): `*` stands alone; `--verb='*'` means every verb. */
function verbsOf(args: ParsedArgs): string[] {
  const verbs = unique(slice(args, 'verb'));
  return verbs.includes('*') ? ['*'] : verbs;
}

function resourcesOf(args: ParsedArgs): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of slice(args, 'resource')) {
    const [main, subresource] = splitOnce(r, '/');
    const [resource, group] = splitOnce(main, '.');
    const option = { resource, group: group ?? '', subresource };
    if (resource === '*' && group === undefined && subresource === undefined) return [option];
    out.push(option);
  }
  return out;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/**
 * The RESTMapper's answer for a resource: its plural and group, or undefined. A 1.32 kind this
 * playground does not serve yet maps as kind's discovery would map it: a rule only names it.
 */
function mapResource(ctx: CommandContext, r: ResourceOption): { group: string; resource: string } | undefined {
  const word = r.group ? `${r.resource}.${r.group}` : r.resource;
  const t = ctx.client.discovery.resolve(word);
  if (t) return { group: t.group, resource: t.plural };
  const builtin = builtinResource(word);
  return builtin ? { group: builtinGroup(builtin), resource: builtin.plural } : undefined;
}


function validateResources(ctx: CommandContext, verbs: string[], resources: ResourceOption[]): void {
  for (const r of resources) {
    if (!r.resource) throw new CliError('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const mapped = mapResource(ctx, r);
    const resource = mapped ?? { group: r.group, resource: r.resource };
    let missing = !mapped;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === resource.group && res === resource.resource)) {
        throw new CliError(`can not perform '${v}' on '${resource.resource}' in group '${resource.group}'`);
      }
      missing = false;
    }
    if (missing) throw new CliError(`the server doesn't have a resource type "${r.resource}"`);
  }
}

/** generateResourcePolicyRules: one rule per API group, in group order, then the non-resource URLs. */
function policyRules(ctx: CommandContext, verbs: string[], resources: ResourceOption[], names: string[], urls: string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const mapped = mapResource(ctx, r) ?? { group: r.group, resource: r.resource };
    const resource = r.subresource !== undefined ? `${mapped.resource}/${r.subresource}` : mapped.resource;
    const list = byGroup.get(mapped.group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(mapped.group, list);
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => ({ apiGroups: [g], resources: byGroup.get(g)!, verbs, ...(names.length ? { resourceNames: names } : {}) }));
  if (urls.length) rules.push({ nonResourceURLs: urls, verbs });
  return rules;
}

function warnNonStandardVerbs(ctx: CommandContext, verbs: string[]): void {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) ctx.io.err(`Warning: '${v}' is not a standard resource verb\n`);
}

const RULE_FLAGS: FlagSpec[] = [
  { name: 'verb', type: 'stringArray', usage: 'Verb that applies to the resources contained in the rule' },
  { name: 'resource', type: 'stringArray', usage: 'Resource that the rule applies to' },
  { name: 'resource-name', type: 'stringArray', usage: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' },
];

export const createRole: CommandModule = {
  name: 'role',
  short: 'Create a role with single rule',
  flags: [...RULE_FLAGS, ...COMMON],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args, true);
    const verbs = verbsOf(args);
    const resources = resourcesOf(args);
    if (!verbs.length) throw new CliError('at least one verb must be specified');
    warnNonStandardVerbs(ctx, verbs);
    if (!resources.length) throw new CliError('at least one resource must be specified');
    validateResources(ctx, verbs, resources);
    const rules = policyRules(ctx, verbs, resources, unique(args.strings('resource-name')), []);
    const obj: KObject = { apiVersion: RBAC_V1, kind: 'Role', metadata: { creationTimestamp: null as unknown as string, name }, rules };
    return createGenerated(ctx, args, obj);
  },
};

export const createClusterRole: CommandModule = {
  name: 'clusterrole',
  short: 'Create a cluster role',
  flags: [
    ...RULE_FLAGS,
    { name: 'non-resource-url', type: 'stringArray', usage: 'A partial url that user should have access to.' },
    { name: 'aggregation-rule', type: 'stringArray', usage: 'An aggregation label selector for combining ClusterRoles.' },
    ...COMMON,
  ],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const verbs = verbsOf(args);
    const resources = resourcesOf(args);
    const names = unique(args.strings('resource-name'));
    const urls = slice(args, 'non-resource-url');
    const aggregation = aggregationLabels(slice(args, 'aggregation-rule'));
    const obj: KObject = { apiVersion: RBAC_V1, kind: 'ClusterRole', metadata: { creationTimestamp: null as unknown as string, name } };
    if (Object.keys(aggregation).length) {
      if (urls.length || verbs.length || resources.length || names.length) {
        throw new CliError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
      }
      obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: aggregation }] };
      obj.rules = null;
      return createGenerated(ctx, args, obj);
    }
    if (!verbs.length) throw new CliError('at least one verb must be specified');
    if (!resources.length && !urls.length) throw new CliError('one of resource or nonResourceURL must be specified');
    if (resources.length) {
      warnNonStandardVerbs(ctx, verbs);
      validateResources(ctx, verbs, resources);
    }
    if (urls.length) {
      for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new CliError(`invalid verb: '${v}' for nonResourceURL`);
      for (const url of urls) {
        if (url === '*') continue;
        if (!url.startsWith('/')) throw new CliError('nonResourceURL should start with /');
        if (url.slice(0, -1).includes('*')) throw new CliError("nonResourceURL only supports wildcard matches when '*' is at the end");
      }
    }
    obj.rules = policyRules(ctx, verbs, resources, names, urls);
    return createGenerated(ctx, args, obj);
  },
};

/** pflag's StringToString: `key=value` pairs. */
function aggregationLabels(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new FlagError(`invalid argument "${pair}" for "--aggregation-rule" flag: malformed pair, expect string=string`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

const SUBJECT_FLAGS: FlagSpec[] = [
  { name: 'user', type: 'stringArray', usage: 'Usernames to bind to the clusterrole. The flag can be repeated to add multiple users.' },
  { name: 'group', type: 'stringArray', usage: 'Groups to bind to the clusterrole. The flag can be repeated to add multiple groups.' },
  { name: 'serviceaccount', type: 'stringArray', usage: 'Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.' },
];

/** Users, then groups, then service accounts (`namespace:name`). */
function subjectsOf(args: ParsedArgs): Subject[] | undefined {
  const subjects: Subject[] = [
    ...args.strings('user').map((name) => ({ apiGroup: RBAC_GROUP, kind: 'User', name })),
    ...args.strings('group').map((name) => ({ apiGroup: RBAC_GROUP, kind: 'Group', name })),
  ];
  for (const sa of args.strings('serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new CliError('serviceaccount must be <namespace>:<name>');
    subjects.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return subjects.length ? subjects : undefined;
}

export const createRoleBinding: CommandModule = {
  name: 'rolebinding',
  short: 'Create a role binding for a particular role or cluster role',
  flags: [{ name: 'role', type: 'string', usage: 'Role this RoleBinding should reference' }, { name: 'clusterrole', type: 'string', usage: 'ClusterRole this RoleBinding should reference' }, ...SUBJECT_FLAGS, ...COMMON],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const role = args.string('role');
    const clusterRole = args.string('clusterrole');
    if (!role === !clusterRole) throw new CliError('exactly one of clusterrole or role must be specified');
    const roleRef = { apiGroup: RBAC_GROUP, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole };
    const obj: KObject = { apiVersion: RBAC_V1, kind: 'RoleBinding', metadata: { creationTimestamp: null as unknown as string, name }, roleRef };
    const subjects = subjectsOf(args);
    if (subjects) obj.subjects = subjects;
    return createGenerated(ctx, args, obj);
  },
};

export const createClusterRoleBinding: CommandModule = {
  name: 'clusterrolebinding',
  short: 'Create a cluster role binding for a particular cluster role',
  flags: [{ name: 'clusterrole', type: 'string', usage: 'ClusterRole this ClusterRoleBinding should reference' }, ...SUBJECT_FLAGS, ...COMMON],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const clusterRole = args.string('clusterrole');
    if (!args.changed('clusterrole')) return requiredFlagError(ctx, 'clusterrole');
    const obj: KObject = {
      apiVersion: RBAC_V1,
      kind: 'ClusterRoleBinding',
      metadata: { creationTimestamp: null as unknown as string, name },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: clusterRole },
    };
    const subjects = subjectsOf(args);
    if (subjects) obj.subjects = subjects;
    return createGenerated(ctx, args, obj);
  },
};
