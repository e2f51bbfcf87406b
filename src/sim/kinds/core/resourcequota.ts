/** core/v1 ResourceQuota: `status {}` on create; hard limits must be valid, non-negative quantities. */
import { goQuote } from '../../core/gostr';
import { canonicalList } from '../../core/resource-list';
import { isQualifiedName } from '../../core/names';
import { tryParseQuantity } from '../../core/quantity';
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { quantityText } from '../../core/quantity';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';

export const resourceQuotaStrategy: KindStrategy<ResourceQuota & KObject> = {
  hasStatus: true,
  default(o) {
    if (o.spec?.hard) o.spec.hard = canonicalList(o.spec.hard);
  },
  prepareCreate(o) {
    o.status = {};
  },
  validate(o) {
    const errors: FieldError[] = [];
    for (const [name, q] of Object.entries(o.spec?.hard ?? {})) {
      const p = `spec.hard[${name}]`;
      validateQuotaResourceName(name, p, errors);
      const parsed = tryParseQuantity(q);
      if (parsed && parsed.nanos < 0n) errors.push({ type: 'Invalid value', field: p, value: goQuote(String(q)), detail: 'must be greater than or equal to 0' });
    }
    validateScopes(o, errors);
    return errors;
  },
};

const POD_COMPUTE = ['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory'];
const STANDARD_QUOTA_RESOURCES = new Set([
  ...POD_COMPUTE, 'ephemeral-storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers',
  'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
]);
/** The resources each scope may track (IsResourceQuotaScopeValidForResource). */
const SCOPE_RESOURCES: Record<string, string[]> = {
  Terminating: ['pods', ...POD_COMPUTE],
  NotTerminating: ['pods', ...POD_COMPUTE],
  NotBestEffort: ['pods', ...POD_COMPUTE],
  PriorityClass: ['pods', ...POD_COMPUTE],
  CrossNamespacePodAffinity: ['pods', ...POD_COMPUTE],
  BestEffort: ['pods'],
};

/** Bare names outside these two lists are refused (IsStandardResourceName, IsStandardQuotaResourceName). */
const STANDARD_RESOURCES = new Set([...STANDARD_QUOTA_RESOURCES, 'storage']);

/** validateResourceQuotaResourceName; a ResourceName prints bare, being a Stringer. */
function validateQuotaResourceName(name: string, p: string, errors: FieldError[]): void {
  const msgs = isQualifiedName(name);
  for (const msg of msgs) errors.push({ type: 'Invalid value', field: p, value: name, detail: msg });
  if (name.includes('/')) return;
  const hugePages = name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
  if (!msgs.length && !STANDARD_RESOURCES.has(name) && !hugePages) errors.push({ type: 'Invalid value', field: p, value: name, detail: 'must be a standard resource type or fully qualified' });
  if (!STANDARD_QUOTA_RESOURCES.has(name) && !hugePages) errors.push({ type: 'Invalid value', field: p, value: name, detail: 'must be a standard resource for quota' });
}

/** validateResourceQuotaScopes: the value shown is the whole list, as Go prints a slice. */
function validateScopes(o: ResourceQuota, errors: FieldError[]): void {
  const scopes = o.spec?.scopes ?? [];
  if (!scopes.length) return;
  const value = `[]core.ResourceQuotaScope{${scopes.map((s) => goQuote(s)).join(', ')}}`;
  const bad = (detail: string) => errors.push({ type: 'Invalid value', field: 'spec.scopes', value, detail });
  const hard = Object.keys(o.spec?.hard ?? {}).sort();
  for (const scope of scopes) {
    const valid = SCOPE_RESOURCES[scope];
    if (!valid) bad('unsupported scope');
    for (const k of hard) if (STANDARD_QUOTA_RESOURCES.has(k) && !(valid ?? []).includes(k)) bad('unsupported scope applied to resource');
  }
  const set = new Set(scopes);
  if (set.has('BestEffort') && set.has('NotBestEffort')) bad('conflicting scopes');
  if (set.has('Terminating') && set.has('NotTerminating')) bad('conflicting scopes');
}

export const resourceQuotaKind = defineKind<ResourceQuota>({
  group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', singular: 'resourcequota', shortNames: ['quota'], namespaced: true, verbs: ALL_VERBS,
  strategy: resourceQuotaStrategy,
  printer: {
    columns: [NAME, AGE, { name: 'Request' }, { name: 'Limit' }],
    // printResourceQuota reads status: a quota the controller has not seen yet prints empty.
    cells(q, { now }) {
      const hard = q.status?.hard ?? {};
      const used = q.status?.used ?? {};
      const request: string[] = [];
      const limit: string[] = [];
      for (const name of Object.keys(hard).sort()) {
        const pieces = name.split('.');
        const text = `${name}: ${quantityText(used[name])}/${quantityText(hard[name])}`;
        (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(text);
      }
      return [nameCell(q), ageCell(q, now), request.join(', '), limit.join(', ')];
    },
  },
  graph: { draw: 'none' },
});
