/** Validation of ObjectMeta shared by all kinds (names, labels, annotations). */
import type { KObject } from '../../object';
import type { FieldError } from '../errors';
import type { ResourceType } from '../registry';

export function validateObjectMeta(obj: KObject, _t: ResourceType): FieldError[] {
  const errors: FieldError[] = [];
  if (!obj.metadata.name) errors.push({ type: 'Required value', field: 'metadata.name', detail: 'name or generateName is required' });
  return errors;
}
