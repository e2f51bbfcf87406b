/** core/v1 ResourceQuota: `status {}` on create; hard limits must be valid, non-negative quantities. */
import { goQuote } from '../../gostr';
import { isQualifiedName } from '../../names';
import { tryParseQuantity } from '../../quantity';
import type { FieldError } from '../errors';
import type { KindStrategy } from './strategy';
import { obj } from './util';

export const resourceQuotaStrategy: KindStrategy = {
  hasStatus: true,
  prepareCreate(o) {
    o.status = {};
  },
  validate(o) {
    const errors: FieldError[] = [];
    for (const [name, q] of Object.entries(obj(obj(o.spec)?.hard) ?? {})) {
      const p = `spec.hard[${name}]`;
      for (const msg of isQualifiedName(name)) errors.push({ type: 'Invalid value', field: p, value: goQuote(name), detail: msg });
      const parsed = tryParseQuantity(q as string | number);
      if (parsed && parsed.nanos < 0n) errors.push({ type: 'Invalid value', field: p, value: goQuote(String(q)), detail: 'must be greater than or equal to 0' });
    }
    return errors;
  },
};
