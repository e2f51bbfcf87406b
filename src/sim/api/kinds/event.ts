/** core/v1 Event: the involved object must live in the event's namespace. */
import { goQuote } from '../../gostr';
import type { FieldError } from '../errors';
import type { KindStrategy } from './strategy';
import { obj, str } from './util';

export const eventStrategy: KindStrategy = {
  validate(o) {
    const errors: FieldError[] = [];
    const involved = obj(o.involvedObject) ?? {};
    const ns = str(involved.namespace);
    if (ns && ns !== o.metadata.namespace) {
      errors.push({ type: 'Invalid value', field: 'involvedObject.namespace', value: goQuote(ns), detail: 'does not match event.namespace' });
    }
    return errors;
  },
};
