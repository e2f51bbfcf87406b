/**
 * core/v1 ConfigMap (ValidateConfigMap/ValidateConfigMapUpdate): key rules, the 1 MiB limit
 * over the values' bytes (reported on the empty path, `[]`, in 1.32's TooLong words), and
 * `immutable`.
 */
import { decodedLength } from '../../core/base64';
import { goQuote } from '../../core/gostr';
import { isConfigMapKey } from '../../core/names';
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';

export const MAX_CONFIG_MAP_SIZE = 1024 * 1024;

export const configMapStrategy: KindStrategy<ConfigMap & KObject> = {
  validate(o) {
    const errors: FieldError[] = [];
    const data = o.data ?? {};
    const binary = o.binaryData ?? {};
    let size = 0;
    for (const [key, value] of Object.entries(data)) {
      for (const msg of isConfigMapKey(key)) errors.push({ type: 'Invalid value', field: `data[${key}]`, value: goQuote(key), detail: msg });
      if (Object.prototype.hasOwnProperty.call(binary, key)) errors.push({ type: 'Invalid value', field: `data[${key}]`, value: goQuote(key), detail: 'duplicate of key present in binaryData' });
      size += utf8Length(String(value));
    }
    for (const [key, value] of Object.entries(binary)) {
      for (const msg of isConfigMapKey(key)) errors.push({ type: 'Invalid value', field: `binaryData[${key}]`, value: goQuote(key), detail: msg });
      size += decodedLength(String(value));
    }
    if (size > MAX_CONFIG_MAP_SIZE) errors.push({ type: 'Too long', field: '[]', detail: `may not be more than ${MAX_CONFIG_MAP_SIZE} bytes` });
    return errors;
  },
  validateUpdate(o, old) {
    const errors: FieldError[] = [];
    if (old.immutable !== true) return errors;
    const forbidden = (field: string): FieldError => ({ type: 'Forbidden', field, detail: 'field is immutable when `immutable` is set' });
    if (o.immutable !== true) errors.push(forbidden('immutable'));
    if (JSON.stringify(sorted(o.data)) !== JSON.stringify(sorted(old.data))) errors.push(forbidden('data'));
    if (JSON.stringify(sorted(o.binaryData)) !== JSON.stringify(sorted(old.binaryData))) errors.push(forbidden('binaryData'));
    return errors;
  },
};

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function sorted(m: Record<string, string> | undefined): Record<string, string> {
  const o = m ?? {};
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

export const configMapKind = defineKind<ConfigMap>({
  group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true, verbs: ALL_VERBS,
  strategy: configMapStrategy,
  printer: {
    columns: [NAME, { name: 'Data' }, AGE],
    cells: (c, { now }) => [nameCell(c), String(Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length), ageCell(c, now)],
  },
  graph: { draw: 'card', abbrev: 'cm', order: 5, configuresPods: true },
});
