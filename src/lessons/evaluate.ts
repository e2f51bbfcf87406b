/**
 * Evaluates a step's checks through the api client, as kubectl reads. Pure reads only: it never
 * writes, never advances time, and costs a few list calls per check, so the worker can run it
 * after every batch of changes (against `cachedReads`, which makes those lists cheap).
 */
import { tryGet, type KubeClient, type ResourceType } from '../kubectl/client';
import type { CoreEvent } from '../sim/events';
import { controllerRef, type KObject } from '../sim/core/object';
import { countText } from './describe';
import { jsonEqual, parsePath, valueAt } from './paths';
import { podStatusColumn } from './pod-status';
import type { Check, CheckResult, CountOp, EventMatch, LessonStep } from './types';

/** What checks read: objects, lists and the discovery API — a client, or `cachedReads(client)`. */
export type CheckSource = Pick<KubeClient, 'get' | 'list' | 'discovery'>;

type Outcome = { passed: boolean; detail?: string };

const DEFAULT_NAMESPACE = 'default';

/**
 * Events of one action land within moments of each other, in either order: the ReplicaSet
 * replaces a deleted Pod as soon as it is marked for deletion, while the kubelet records
 * `Killing` when it notices. `after` therefore accepts events up to this much earlier.
 */
export const AFTER_SLACK_MS = 5000;

export function evaluateChecks(source: CheckSource, step: Pick<LessonStep, 'checks'>): CheckResult[] {
  return step.checks.map((check) => {
    let outcome: Outcome;
    try {
      outcome = evaluateCheck(source, check);
    } catch (e) {
      // A check must never break the host; report the problem instead.
      outcome = { passed: false, detail: (e as Error).message };
    }
    const result: CheckResult = { id: check.id, passed: outcome.passed, description: check.description };
    if (outcome.detail !== undefined) result.detail = outcome.detail;
    return result;
  });
}

/** A step is complete when all its checks pass. */
export function stepComplete(results: CheckResult[]): boolean {
  return results.every((r) => r.passed);
}

export function evaluateCheck(source: CheckSource, check: Check): Outcome {
  switch (check.type) {
    case 'exists': {
      const obj = getObject(source, check.kind, check.name, check.namespace);
      if (!obj) return { passed: false, detail: `${check.kind} "${check.name}" not found` };
      if (obj.metadata.deletionTimestamp) return { passed: false, detail: `${check.kind} "${check.name}" is being deleted` };
      return { passed: true };
    }
    case 'absent': {
      const obj = getObject(source, check.kind, check.name, check.namespace);
      if (!obj) return { passed: true };
      return { passed: false, detail: obj.metadata.deletionTimestamp ? `${check.kind} "${check.name}" is still terminating` : `${check.kind} "${check.name}" still exists` };
    }
    case 'fieldEquals': {
      const obj = getObject(source, check.kind, check.name, check.namespace);
      if (!obj) return { passed: false, detail: `${check.kind} "${check.name}" not found` };
      const actual = valueAt(obj, parsePath(check.path));
      if (jsonEqual(actual, check.value)) return { passed: true };
      return { passed: false, detail: `${check.path} is ${actual === undefined ? 'not set' : JSON.stringify(actual)}` };
    }
    case 'podCount': {
      let pods = listObjects(source, 'pods', namespaceOf(check.namespace), check.selector);
      if (check.status) pods = pods.filter((p) => podStatusColumn(p) === check.status);
      else if (check.phase) pods = pods.filter((p) => !p.metadata.deletionTimestamp && (p.status as { phase?: string } | undefined)?.phase === check.phase);
      // Without a state to match, terminating pods do not count: they are on their way out.
      else pods = pods.filter((p) => !p.metadata.deletionTimestamp);
      return compare(pods.length, check.op, check.count, `pod(s)${check.status || check.phase ? ` ${check.status ?? check.phase}` : ''}`);
    }
    case 'objectCount': {
      const t = resolveKind(source, check.kind);
      let objs = listObjects(source, t.plural, t.namespaced ? namespaceOf(check.namespace) : undefined, check.selector);
      objs = objs.filter((o) => !o.metadata.deletionTimestamp && (!check.namePrefix || o.metadata.name!.startsWith(check.namePrefix)));
      return compare(objs.length, check.op, check.count, `${t.kind}(s)`);
    }
    case 'condition': {
      const obj = getObject(source, check.kind, check.name, check.namespace);
      if (!obj) return { passed: false, detail: `${check.kind} "${check.name}" not found` };
      const conditions = (obj.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
      const cond = conditions.find((c) => c.type === check.condition);
      if (!cond) return { passed: false, detail: `no ${check.condition} condition yet` };
      return cond.status === check.status ? { passed: true } : { passed: false, detail: `${check.condition} is ${cond.status}` };
    }
    case 'eventSeen':
      return eventSeen(source, check, check.after);
    case 'ownedBy':
      return ownedBy(source, check);
    case 'endpoints':
      return endpoints(source, check);
  }
}

type Endpoint = { conditions?: { ready?: boolean } };

function endpoints(source: CheckSource, check: Extract<Check, { type: 'endpoints' }>): Outcome {
  const slices = listObjects(source, 'endpointslices', namespaceOf(check.namespace), `kubernetes.io/service-name=${check.service}`);
  let n = 0;
  // An unset `ready` means ready (discovery.k8s.io/v1).
  for (const s of slices) for (const e of (s as { endpoints?: Endpoint[] }).endpoints ?? []) if (check.ready === false || e.conditions?.ready !== false) n++;
  return compare(n, check.op, check.count, `${check.ready === false ? '' : 'ready '}endpoint(s) of Service ${check.service}`);
}

function eventSeen(source: CheckSource, match: EventMatch, after: EventMatch | undefined): Outcome {
  const events = matchingEvents(source, match);
  if (!after) return events.length ? { passed: true } : { passed: false, detail: `no ${match.reason} event yet` };
  const earlier = matchingEvents(source, after);
  if (!earlier.length) return { passed: false, detail: `no ${after.reason} event yet` };
  const since = Math.min(...earlier.map((e) => Date.parse(e.firstTimestamp)));
  return events.some((e) => Date.parse(e.lastTimestamp) >= since - AFTER_SLACK_MS)
    ? { passed: true }
    : { passed: false, detail: `no ${match.reason} event since the ${after.reason} event` };
}

function matchingEvents(source: CheckSource, m: EventMatch): CoreEvent[] {
  const events = source.list('events', namespaceOf(m.namespace)) as CoreEvent[];
  const kind = m.kind ? resolveKind(source, m.kind).kind : undefined;
  return events.filter((e) => {
    if (e.reason !== m.reason) return false;
    const io = e.involvedObject;
    if (kind && io.kind !== kind) return false;
    if (m.name && io.name !== m.name) return false;
    if (m.namePrefix && !io.name.startsWith(m.namePrefix)) return false;
    return !m.messageContains || e.message.includes(m.messageContains);
  });
}

function ownedBy(source: CheckSource, check: Extract<Check, { type: 'ownedBy' }>): Outcome {
  const t = resolveKind(source, check.kind);
  const ownerType = resolveKind(source, check.owner.kind);
  const ns = t.namespaced ? namespaceOf(check.namespace) : undefined;
  const objs = listObjects(source, t.plural, ns, check.selector).filter(
    (o) => !o.metadata.deletionTimestamp && (!check.name || o.metadata.name === check.name) && (!check.namePrefix || o.metadata.name!.startsWith(check.namePrefix)),
  );
  if (!objs.length) return { passed: false, detail: `no matching ${t.kind} found` };
  for (const obj of objs) {
    const ref = controllerRef(obj);
    const ok =
      ref &&
      ref.kind === ownerType.kind &&
      (!check.owner.name || ref.name === check.owner.name) &&
      (!check.owner.namePrefix || ref.name.startsWith(check.owner.namePrefix)) &&
      tryGet(source, ownerType.plural, ns, ref.name)?.metadata.uid === ref.uid;
    if (!ok) {
      const by = ref ? `controlled by ${ref.kind} "${ref.name}"` : 'has no controller';
      return { passed: false, detail: `${t.kind} "${obj.metadata.name}" ${by}` };
    }
  }
  return { passed: true };
}

function resolveKind(source: CheckSource, kind: string): ResourceType {
  const t = source.discovery.resolve(kind);
  if (!t) throw new Error(`unknown kind "${kind}"`);
  return t;
}

function namespaceOf(ns: string | undefined): string {
  return ns ?? DEFAULT_NAMESPACE;
}

function getObject(source: CheckSource, kind: string, name: string, namespace: string | undefined): KObject | undefined {
  const t = resolveKind(source, kind);
  return tryGet(source, t.plural, t.namespaced ? namespaceOf(namespace) : undefined, name);
}

function listObjects(source: CheckSource, resource: string, namespace: string | undefined, selector: string | undefined): KObject[] {
  return source.list(resource, namespace, selector ? { labelSelector: selector } : {});
}

function compare(actual: number, op: CountOp, expected: number, what: string): Outcome {
  const passed = op === 'eq' ? actual === expected : op === 'gte' ? actual >= expected : actual <= expected;
  return { passed, detail: `found ${actual} ${what}, want ${countText(op, expected)}` };
}
