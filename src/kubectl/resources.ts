/**
 * Resource arguments as kubectl's resource builder reads them: `TYPE`, `TYPE NAME…`,
 * `TYPE1,TYPE2 NAME…`, `TYPE/NAME…`, the `all` category; kinds resolved through the
 * discovery API (`po`, `pods`, `deploy`, `deployment.apps`).
 */
import { builtinResource, type BuiltinKind } from '../sim/api/builtin-kinds';
import type { ResourceType } from '../sim/api/registry';
import type { KObject } from '../sim/core/object';
import type { Discovery } from './client';
import { CliError } from './errors';

export interface ResourceRef {
  type: ResourceType;
  name: string;
}

export interface ResourceArgs {
  /** `TYPE/NAME` or `TYPE NAME` pairs, in the order given (types outer, names inner). */
  refs: ResourceRef[];
  /** Types given without names (`kubectl get pods`, `kubectl delete pods -l app=web`). */
  types: ResourceType[];
}

/** The `all` category, in the order `kubectl get all` prints it. */
const ALL_ORDER = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

export function resolveType(discovery: Discovery, word: string): ResourceType {
  const t = discovery.resolve(word);
  if (t) return t;
  const builtin = builtinResource(word);
  const honest = builtin ? `\n${notSimulatedYet(discovery, builtin)}` : '';
  throw new CliError(`the server doesn't have a resource type "${word}"${honest}`);
}

/**
 * Said instead of kubectl's "ensure CRDs are installed first" when a learner names a real 1.32
 * kind: their manifest is right, the playground is what is missing.
 */
export function notSimulatedYet(discovery: Discovery, kind: BuiltinKind): string {
  const simulated = [...new Set(discovery.all().map((t) => t.kind))].sort();
  return `${kind.kind} (${kind.apiVersion}) is part of Kubernetes 1.32 but this playground does not simulate it yet; it simulates: ${simulated.join(', ')}`;
}

/**
 * The server's deprecation warnings for these types, once each, as kubectl's warning writer
 * prints them to stderr (deduplicated) when the responses arrive.
 */
export function warnDeprecated(ctx: { err(line: string): void }, types: ResourceType[]): void {
  const seen = new Set<string>();
  for (const t of types) {
    if (!t.deprecationWarning || seen.has(t.deprecationWarning)) continue;
    seen.add(t.deprecationWarning);
    ctx.err(`Warning: ${t.deprecationWarning}`);
  }
}

/** Types for one comma-separated word, expanding categories (`all`). */
export function resolveTypes(discovery: Discovery, word: string): ResourceType[] {
  const out: ResourceType[] = [];
  for (const part of word.split(',')) {
    if (!part) continue;
    if (part === 'all') {
      const members = discovery.all().filter((t) => t.categories?.includes('all'));
      members.sort((a, b) => rank(a) - rank(b));
      out.push(...members);
      continue;
    }
    out.push(resolveType(discovery, part));
  }
  return dedupe(out);
}

function rank(t: ResourceType): number {
  const i = ALL_ORDER.indexOf(t.plural);
  return i < 0 ? ALL_ORDER.length : i;
}

function dedupe(types: ResourceType[]): ResourceType[] {
  return [...new Map(types.map((t) => [t.plural, t])).values()];
}

export function parseResourceArgs(discovery: Discovery, args: string[]): ResourceArgs {
  if (args.length === 0) return { refs: [], types: [] };
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== args.length) {
    throw new CliError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  if (slashed > 0) {
    const refs = args.map((a) => {
      const parts = a.split('/');
      if (parts.length !== 2) throw new CliError(`arguments in resource/name form may not have more than one slash`);
      const [typeWord, name] = parts;
      if (!typeWord || !name) throw new CliError(`arguments in resource/name form must have a single resource and name`);
      return { type: resolveType(discovery, typeWord), name };
    });
    return { refs, types: [] };
  }
  const types = resolveTypes(discovery, args[0]);
  const names = args.slice(1);
  if (names.length === 0) return { refs: [], types };
  return { refs: types.flatMap((type) => names.map((name) => ({ type, name }))), types: [] };
}

/** `deployment.apps/web`, `pod/nginx`: how kubectl names an object in success lines and `-o name`. */
export function objectRef(type: ResourceType, name: string): string {
  return `${type.kind.toLowerCase()}${type.group ? `.${type.group}` : ''}/${name}`;
}

/** `deployment.apps "web"`, `pod "nginx"`: the form of `kubectl delete` lines. */
export function quotedRef(type: ResourceType, name: string): string {
  return `${type.kind.toLowerCase()}${type.group ? `.${type.group}` : ''} "${name}"`;
}

/** The type of a stored object. */
export function typeOf(discovery: Discovery, obj: KObject): ResourceType {
  const t = discovery.forKind(obj.apiVersion, obj.kind);
  if (!t) throw new CliError(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
  return t;
}

/** Namespace to use for a type: undefined for cluster-scoped kinds. */
export function namespaceFor(type: ResourceType, namespace: string): string | undefined {
  return type.namespaced ? namespace : undefined;
}
