/** LabelSelector validation (apimachinery's ValidateLabelSelector). */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { goQuote } from '../core/gostr';
import { isQualifiedName, isValidLabelValue } from '../core/names';
import type { FieldError } from '../api/errors';
import { validateLabels } from './meta';
import { obj, objects } from './util';

export function validateLabelSelector(selector: LabelSelector | undefined | null, path: string): FieldError[] {
  const sel = obj(selector);
  if (!sel) return [];
  const errors = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  objects(sel.matchExpressions).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values: unknown[] = Array.isArray(e.values) ? e.values : [];
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errors.push({ type: 'Required value', field: `${p}.values`, detail: "must be specified when `operator` is 'In' or 'NotIn'" });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errors.push({ type: 'Forbidden', field: `${p}.values`, detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
        break;
      default:
        errors.push({ type: 'Invalid value', field: `${p}.operator`, value: goQuote(String(e.operator ?? '')), detail: 'not a valid selector operator' });
    }
    for (const msg of isQualifiedName(String(e.key ?? ''))) errors.push({ type: 'Invalid value', field: `${p}.key`, value: goQuote(String(e.key ?? '')), detail: msg });
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(String(v))) errors.push({ type: 'Invalid value', field: `${p}.values[${j}]`, value: goQuote(String(v)), detail: msg });
    });
  });
  return errors;
}
