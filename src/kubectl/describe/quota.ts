/**
 * `kubectl describe` for namespaces, resource quotas and limit ranges (describe.go's
 * describeNamespace, describeQuota, describeLimitRange and the sections they share).
 */
import type { LimitRange, LimitRangeSpec, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { quantityString, quantityText, tryParseQuantity } from '../../sim/core/quantity';
import { PrefixWriter, rfc1123z, writeAnnotations, writeLabels } from './writer';

type Quota = ResourceQuota & KObject;

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

const byName = (a: KObject, b: KObject) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0);

export function describeNamespace(ns: KObject, quotas: KObject[], limitRanges: KObject[]): string {
  const n = ns as Namespace & KObject;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${n.status?.phase ?? ''}\n`);
  const conditions = n.status?.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(0, '\n');
  writeQuotas(w, quotas as Quota[]);
  w.write(0, '\n');
  writeLimitRanges(w, limitRanges as (LimitRange & KObject)[]);
  return w.toString();
}

/** DescribeResourceQuotas: every quota of the namespace, by name. */
function writeQuotas(w: PrefixWriter, quotas: Quota[]): void {
  if (!quotas.length) return w.write(0, 'No resource quota.\n');
  w.write(0, 'Resource Quotas\n');
  for (const q of [...quotas].sort(byName)) {
    w.write(1, `Name:\t${q.metadata.name}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length) {
      w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    const hard = q.status?.hard ?? {};
    const used = q.status?.used ?? {};
    for (const r of Object.keys(hard).sort()) w.write(1, `${r}\t${quantityText(used[r])}\t${quantityText(hard[r])}\n`);
  }
}

/** DescribeLimitRanges: one merged table, its rows indented by a space. */
function writeLimitRanges(w: PrefixWriter, ranges: (LimitRange & KObject)[]): void {
  if (!ranges.length) return w.write(0, 'No LimitRange resource.\n');
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) writeLimitRangeSpec(w, lr.spec, ' ');
}

/** describeLimitRangeSpec: a row per item and resource, `-` where the item sets nothing. */
function writeLimitRangeSpec(w: PrefixWriter, spec: LimitRangeSpec | undefined, prefix: string): void {
  for (const item of spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio].map((m) => (m ?? {}) as Record<string, string | number>);
    // Go ranges over a map here, in no fixed order; the playground sorts.
    const names = [...new Set(lists.flatMap((m) => Object.keys(m)))].sort();
    for (const k of names) {
      const cells = lists.map((m) => (m[k] === undefined ? '-' : quantityText(m[k])));
      w.write(0, `${prefix}${item.type}\t${k}\t${cells.join('\t')}\n`);
    }
  }
}

export function describeLimitRange(lr: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${lr.metadata.name}\n`);
  w.write(0, `Namespace:\t${lr.metadata.namespace}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  writeLimitRangeSpec(w, (lr as LimitRange & KObject).spec, '');
  return w.toString();
}

export function describeResourceQuota(obj: KObject): string {
  const q = obj as Quota;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${q.metadata.name}\n`);
  w.write(0, `Namespace:\t${q.metadata.namespace}\n`);
  const scopes = [...(q.spec?.scopes ?? [])].sort();
  if (scopes.length) {
    w.write(0, `Scopes:\t${scopes.join(', ')}\n`);
    for (const s of scopes) if (SCOPE_HELP[s]) w.write(0, ` * ${SCOPE_HELP[s]}\n`);
  }
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const hard = q.status?.hard ?? {};
  const used = q.status?.used ?? {};
  for (const r of Object.keys(hard).sort()) w.write(0, `${r}\t${usedInFormatOf(used[r], hard[r])}\t${quantityText(hard[r])}\n`);
  return w.toString();
}

/** Used, re-expressed in the hard limit's format when the two differ (as a whole Value()). */
function usedInFormatOf(used: string | number | undefined, hard: string | number): string {
  const u = used === undefined ? undefined : tryParseQuantity(used);
  const h = tryParseQuantity(hard);
  if (!u) return used === undefined ? '0' : String(used);
  if (!h || h.format === u.format) return quantityString(u);
  const whole = (u.nanos + 999_999_999n) / 1_000_000_000n;
  return quantityString({ nanos: whole * 1_000_000_000n, format: h.format });
}
