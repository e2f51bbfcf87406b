/** core/v1 ResourceQuota: `status {}` on create; hard limits must be valid, non-negative quantities. */
import { goQuote } from '../../core/gostr';
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
  prepareCreate(o) {
    o.status = {};
  },
  validate(o) {
    const errors: FieldError[] = [];
    for (const [name, q] of Object.entries(o.spec?.hard ?? {})) {
      const p = `spec.hard[${name}]`;
      for (const msg of isQualifiedName(name)) errors.push({ type: 'Invalid value', field: p, value: goQuote(name), detail: msg });
      const parsed = tryParseQuantity(q);
      if (parsed && parsed.nanos < 0n) errors.push({ type: 'Invalid value', field: p, value: goQuote(String(q)), detail: 'must be greater than or equal to 0' });
    }
    return errors;
  },
};

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
