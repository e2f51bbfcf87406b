/**
 * Which of a Deployment's ReplicaSets is its new one (deploymentutil.FindNewReplicaSet): the
 * oldest whose pod template equals the Deployment's apart from the pod-template-hash label
 * (`EqualIgnoreHash`, with apimachinery's semantic equality: nil and empty alike). The
 * Deployment controller, `kubectl describe deployment` and `kubectl rollout` share it.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { clone, type KObject } from '../../core/object';
import { canonicalJson, POD_TEMPLATE_HASH_LABEL } from './pod-template-hash';

/** The template without the pod-template-hash label. */
export function templateWithoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = clone(t ?? {}) as { metadata?: { labels?: Record<string, string> } };
  if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return copy as PodTemplateSpec;
}

/** Stored objects are immutable, so a template's canonical form can be cached by identity. */
const canonicalCache = new WeakMap<object, string>();

function canonicalTemplate(t: PodTemplateSpec | undefined): string {
  if (!t) return canonicalJson(templateWithoutHash(t));
  let c = canonicalCache.get(t);
  if (c === undefined) canonicalCache.set(t, (c = canonicalJson(templateWithoutHash(t))));
  return c;
}

/** `EqualIgnoreHash`: templates equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return canonicalTemplate(a) === canonicalTemplate(b);
}

function templateOf(o: KObject): PodTemplateSpec | undefined {
  return (o.spec as { template?: PodTemplateSpec } | undefined)?.template;
}

/** The oldest ReplicaSet whose template equals the Deployment's (`FindNewReplicaSet`). */
export function findNewReplicaSet<R extends KObject>(d: KObject, rss: R[]): R | undefined {
  const want = templateOf(d);
  return [...rss].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(templateOf(rs), want));
}

function created(o: KObject): number {
  return o.metadata.creationTimestamp ? Date.parse(o.metadata.creationTimestamp) : 0;
}

/** Oldest first; ties by name. */
export function byCreationTimestamp(a: KObject, b: KObject): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}
