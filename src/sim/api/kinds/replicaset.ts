/** apps/v1 ReplicaSet: replicas 1, template defaults, ValidateReplicaSetSpec, immutable selector. */
import type { FieldError } from '../errors';
import type { KindStrategy } from './strategy';
import { child, obj, setDefault, type J } from './util';
import { defaultPodTemplate, nonNegative, validateImmutableSelector, validateSelectorAndTemplate } from './workload';

export const replicaSetStrategy: KindStrategy = {
  hasStatus: true,
  tracksGeneration: true,
  default(o) {
    const spec = child(o as J, 'spec');
    setDefault(spec, 'replicas', 1);
    defaultPodTemplate(spec);
  },
  prepareCreate(o) {
    o.status = { replicas: 0 };
  },
  validate(o) {
    const spec = obj(o.spec) ?? {};
    const errors: FieldError[] = [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
    errors.push(...validateSelectorAndTemplate(spec));
    return errors;
  },
  validateUpdate(o, old) {
    return validateImmutableSelector(o, old);
  },
};
