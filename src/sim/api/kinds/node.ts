/** core/v1 Node: allocatable defaults to capacity; taints validated. Kubelets post status. */
import { goQuote } from '../../gostr';
import { isQualifiedName, isValidLabelValue } from '../../names';
import type { FieldError } from '../errors';
import { notSupported } from './podspec-validation';
import type { KindStrategy } from './strategy';
import { obj, objects, str } from './util';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export const nodeStrategy: KindStrategy = {
  hasStatus: true,
  default(o) {
    const status = obj(o.status);
    if (status && obj(status.capacity) && !status.allocatable) status.allocatable = { ...status.capacity };
  },
  validate(o) {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    objects(obj(o.spec)?.taints).forEach((t, i) => {
      const p = `spec.taints[${i}]`;
      const key = str(t.key);
      for (const msg of isQualifiedName(key)) errors.push({ type: 'Invalid value', field: `${p}.key`, value: goQuote(key), detail: msg });
      if (t.value) for (const msg of isValidLabelValue(str(t.value))) errors.push({ type: 'Invalid value', field: `${p}.value`, value: goQuote(str(t.value)), detail: msg });
      if (!t.effect) errors.push({ type: 'Required value', field: `${p}.effect` });
      else if (!TAINT_EFFECTS.includes(t.effect)) errors.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
      const id = `${key}:${t.effect}`;
      if (seen.has(id)) {
        errors.push({ type: 'Duplicate value', field: `spec.taints`, value: `core.Taint{Key:${goQuote(key)}, Value:${goQuote(str(t.value))}, Effect:${goQuote(str(t.effect))}, TimeAdded:<nil>}`, detail: 'taints must be unique by key and effect pair' });
      }
      seen.add(id);
    });
    return errors;
  },
};
