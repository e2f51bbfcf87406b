/**
 * A learner's session, generated: fast-check arbitraries for the kubectl steps a learner takes
 * (apply a Pod, Deployment, ReplicaSet, Service or ConfigMap — well-formed or mutated at a random
 * field —, delete with each cascade, scale, relabel a pod, let time pass), a runner that plays
 * them through kubectl against one cluster, and the invariants a settled cluster must keep.
 * Shared by the property test (tests/fuzz/cluster.fuzz.test.ts) and the long run
 * (bench/fuzz-memory.ts).
 */
import fc from 'fast-check';
import { execKubectl } from '../../src/runner/exec';
import type { Cluster } from '../../src/sim/cluster';
import type { KObject } from '../../src/sim/core/object';

export type Step =
  | { op: 'apply'; manifest: unknown; yaml: boolean }
  | { op: 'delete'; resource: string; name: string; cascade: 'background' | 'foreground' | 'orphan' }
  | { op: 'scale'; resource: string; name: string; replicas: number }
  | { op: 'relabel'; app: string }
  | { op: 'advance'; ms: number };

const NAMES = ['web', 'api', 'db', 'cache'];
const APPS = ['web', 'api', 'db'];
const IMAGES = ['nginx:1.27', 'nginx:1.26', 'busybox', 'redis', 'nginx:doesnotexist', 'kuard'];

const name = fc.constantFrom(...NAMES);
const app = fc.constantFrom(...APPS);
const labels = fc.record({ app }, { requiredKeys: ['app'] }).chain((l) => fc.option(fc.constantFrom('fe', 'be'), { nil: undefined }).map((tier) => (tier ? { ...l, tier } : l)));

const container = fc.record({
  name: fc.constantFrom('main', 'app'),
  image: fc.constantFrom(...IMAGES),
  command: fc.option(fc.constantFrom(['sh', '-c', 'sleep 3600'], ['sh', '-c', 'exit 1'], ['sh', '-c', 'echo hi; sleep 5']), { nil: undefined }),
});

const podSpec = fc.record({ containers: fc.array(container, { minLength: 1, maxLength: 2 }).map(uniqueNames) });

function uniqueNames<T extends { name: string }>(cs: T[]): T[] {
  return cs.map((c, i) => ({ ...c, name: `${c.name}${i}` }));
}

const template = fc.record({ metadata: fc.record({ labels }), spec: podSpec });

const pod = fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Pod'), metadata: fc.record({ name, labels }), spec: podSpec });

const workload = (kind: 'Deployment' | 'ReplicaSet') =>
  fc.tuple(name, fc.integer({ min: 0, max: 5 }), template).map(([n, replicas, t]) => ({
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: n },
    spec: { replicas, selector: { matchLabels: { app: t.metadata.labels.app } }, template: t },
  }));

const service = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constant('Service'),
  metadata: fc.record({ name }),
  spec: fc.record({ selector: labels, ports: fc.constant([{ port: 80, targetPort: 80 }]) }),
});

const configMap = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constant('ConfigMap'),
  metadata: fc.record({ name }),
  data: fc.dictionary(fc.constantFrom('a', 'b', 'mode'), fc.string({ maxLength: 8 })),
});

const wellFormed = fc.oneof(pod, workload('Deployment'), workload('ReplicaSet'), service, configMap);

/** Anything a learner might type where a value goes. */
const junk = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -3, max: 1_000_000 }),
  fc.constantFrom(null, true, 1.5, -1, '', '__proto__', [], {}, { __proto__: { polluted: true } }, ['x'], '25%', '1Gi'),
);

/** A well-formed manifest with one field replaced, deleted, or added at a random path. */
const mutated = fc.tuple(wellFormed, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.constantFrom('set', 'delete', 'add'), junk).map(([obj, path, how, value]) =>
  mutate(obj, path, how, value),
);

function mutate(obj: unknown, path: number[], how: string, value: unknown): unknown {
  const root = structuredClone(obj) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  for (const choice of path) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length];
    const child = node[key];
    if (typeof child !== 'object' || child === null || path.indexOf(choice) === path.length - 1) {
      if (how === 'delete') delete node[key];
      else if (how === 'add') Object.defineProperty(node, choice % 2 ? 'extra' : '__proto__', { value, enumerable: true, writable: true, configurable: true });
      else node[key] = value;
      return root;
    }
    node = child as Record<string, unknown>;
  }
  return root;
}

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 2, arbitrary: mutated }), fc.boolean()).map(([manifest, yaml]) => ({ op: 'apply' as const, manifest, yaml })) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), resource: fc.constantFrom('pods', 'deployments', 'replicasets', 'services', 'configmaps'), name, cascade: fc.constantFrom('background' as const, 'foreground' as const, 'orphan' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('scale' as const), resource: fc.constantFrom('deployments', 'replicasets'), name, replicas: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('relabel' as const), app }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 30_000 }) }) },
);

/** What kubectl printed when the program itself failed (a JavaScript error caught by kubectl's CheckErr). */
const CRASH = /Cannot read propert|is not a function|is not iterable|Maximum call stack|Invalid array length|Cannot convert|is not defined|Cannot set propert|out of memory/;

export class CrashError extends Error {}

/** Plays one step; throws CrashError when kubectl printed a JavaScript error. */
export function play(cluster: Cluster, s: Step): void {
  let argv: string[];
  let stdin: string | undefined;
  switch (s.op) {
    case 'apply':
      argv = ['apply', '-f', '-'];
      stdin = s.yaml ? toYaml(s.manifest) : JSON.stringify(s.manifest);
      break;
    case 'delete':
      argv = ['delete', s.resource, s.name, `--cascade=${s.cascade}`, '--wait=false', '--ignore-not-found'];
      break;
    case 'scale':
      argv = ['scale', s.resource, s.name, `--replicas=${s.replicas}`];
      break;
    case 'relabel':
      argv = ['label', 'pods', '-l', `app=${s.app}`, 'app=moved', '--overwrite'];
      break;
    case 'advance':
      cluster.advance(s.ms);
      return;
  }
  const r = execKubectl(cluster, argv, { stdin });
  if (CRASH.test(r.output)) throw new CrashError(`kubectl ${argv.join(' ')} crashed:\n${r.output}\n${stdin ?? ''}`);
}

/** JSON is YAML; a block-style dump exercises the YAML reader like a pasted manifest. */
function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return value.length ? value.map((v) => `\n${indent}- ${toYaml(v, `${indent}  `).replace(/^\n\s*/, '')}`).join('') : '[]';
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (!keys.length) return '{}';
    return keys.map((k) => `\n${indent}${JSON.stringify(k)}: ${toYaml((value as Record<string, unknown>)[k], `${indent}  `)}`).join('');
  }
  return JSON.stringify(value) ?? 'null';
}

/** Watches every store write: resourceVersions must only grow, and each object carries its own. */
export function watchResourceVersions(cluster: Cluster): { problems: string[] } {
  const state = { problems: [] as string[] };
  let last = cluster.store.resourceVersion;
  cluster.store.subscribe((e) => {
    if (e.rv <= last) state.problems.push(`rv ${e.rv} after ${last}`);
    if (e.object.metadata.resourceVersion !== String(e.rv)) state.problems.push(`${e.resource}/${e.object.metadata.name} has rv ${e.object.metadata.resourceVersion} in event ${e.rv}`);
    last = e.rv;
  });
  return state;
}

/** The invariants of a settled cluster, as a list of what is wrong (empty when all hold). */
export function invariantProblems(cluster: Cluster): string[] {
  const problems: string[] = [];
  const all: KObject[] = cluster.store.resources().flatMap((r) => cluster.store.list(r));
  const uids = new Set(all.map((o) => o.metadata.uid));
  for (const o of all) {
    const refs = o.metadata.ownerReferences ?? [];
    if (refs.length && refs.every((r) => !uids.has(r.uid))) problems.push(`orphan ${o.kind} ${o.metadata.namespace}/${o.metadata.name} (owners gone)`);
  }
  const pods = cluster.store.list('pods');
  for (const rs of cluster.store.list('replicasets')) {
    if (rs.metadata.deletionTimestamp) continue;
    const active = pods.filter(
      (p) =>
        !p.metadata.deletionTimestamp &&
        p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid) &&
        !['Succeeded', 'Failed'].includes((p.status as { phase?: string } | undefined)?.phase ?? ''),
    ).length;
    const want = (rs.spec as { replicas?: number }).replicas ?? 1;
    // Fewer only when pods could not be created (the namespace's pod quota is used up).
    const failing = (rs.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.some((c) => c.type === 'ReplicaFailure' && c.status === 'True');
    if (active > want || (active < want && !failing)) problems.push(`ReplicaSet ${rs.metadata.name} has ${active} active pods for ${want} replicas`);
  }
  return problems;
}
