/**
 * core/v1 Secret (pkg/registry/core/secret, ValidateSecret/ValidateSecretUpdate). `data` is
 * base64 on the wire (the decoder rejects anything else); `stringData` is write-only: the
 * conversion to the internal type merges it into `data`, its keys winning, and it is never
 * stored. `type` defaults to Opaque and then never changes; the built-in types need their keys.
 */
import type { Secret } from 'kubernetes-types/core/v1';
import { decodedLength, encodeBase64Text, storedBytesText } from '../../core/base64';
import { goQuote } from '../../core/gostr';
import { isConfigMapKey } from '../../core/names';
import type { FieldError } from '../../api/errors';
import type { KObject } from '../../core/object';
import type { KindStrategy } from '../strategy';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';
import { goJsonObjectError } from './go-json';

export const MAX_SECRET_SIZE = 1024 * 1024;

export const SECRET_TYPES = {
  opaque: 'Opaque',
  serviceAccountToken: 'kubernetes.io/service-account-token',
  dockercfg: 'kubernetes.io/dockercfg',
  dockerConfigJson: 'kubernetes.io/dockerconfigjson',
  basicAuth: 'kubernetes.io/basic-auth',
  sshAuth: 'kubernetes.io/ssh-auth',
  tls: 'kubernetes.io/tls',
} as const;

const REDACTED = '"<secret contents redacted>"';
const IMMUTABLE = 'field is immutable when `immutable` is set';

type S = Secret & KObject;

export const secretStrategy: KindStrategy<S> = {
  default(o) {
    if (o.stringData) {
      const data = { ...(o.data ?? {}) };
      for (const [k, v] of Object.entries(o.stringData)) data[k] = encodeBase64Text(String(v ?? ''));
      o.data = data;
      delete o.stringData;
    }
    if (!o.type) o.type = SECRET_TYPES.opaque;
  },
  validate(o) {
    const errors: FieldError[] = [];
    const data = o.data ?? {};
    let size = 0;
    for (const key of Object.keys(data).sort()) {
      for (const msg of isConfigMapKey(key)) errors.push({ type: 'Invalid value', field: `data[${key}]`, value: goQuote(key), detail: msg });
      size += decodedLength(String(data[key] ?? ''));
    }
    if (size > MAX_SECRET_SIZE) errors.push({ type: 'Too long', field: 'data', detail: `may not be more than ${MAX_SECRET_SIZE} bytes` });
    errors.push(...typeErrors(o));
    return errors;
  },
  validateUpdate(o, old) {
    const errors: FieldError[] = [];
    if (o.type !== old.type) errors.push({ type: 'Invalid value', field: 'type', value: goQuote(o.type ?? ''), detail: 'field is immutable' });
    if (old.immutable === true) {
      if (o.immutable !== true) errors.push({ type: 'Forbidden', field: 'immutable', detail: IMMUTABLE });
      if (JSON.stringify(sorted(o.data)) !== JSON.stringify(sorted(old.data))) errors.push({ type: 'Forbidden', field: 'data', detail: IMMUTABLE });
    }
    return errors;
  },
};

/** The keys (and annotation) each built-in type requires, in ValidateSecret's words. */
function typeErrors(o: S): FieldError[] {
  const data = o.data ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  const required = (field: string): FieldError => ({ type: 'Required value', field });
  const json = (key: string): FieldError[] => {
    if (!has(key)) return [required(`data[${key}]`)];
    const detail = goJsonObjectError(storedBytesText(data[key]));
    return detail ? [{ type: 'Invalid value', field: `data[${key}]`, value: REDACTED, detail }] : [];
  };
  switch (o.type) {
    case SECRET_TYPES.serviceAccountToken:
      return o.metadata.annotations?.['kubernetes.io/service-account.name'] ? [] : [required('metadata.annotations[kubernetes.io/service-account.name]')];
    case SECRET_TYPES.dockercfg:
      return json('.dockercfg');
    case SECRET_TYPES.dockerConfigJson:
      return json('.dockerconfigjson');
    case SECRET_TYPES.basicAuth:
      // Upstream builds these paths from the literal "data[%s]": the quirk shows in the message.
      return has('username') || has('password') ? [] : [required('data[%s][username]'), required('data[%s][password]')];
    case SECRET_TYPES.sshAuth:
      return decodedLength(String(data['ssh-privatekey'] ?? '')) > 0 ? [] : [required('data[%s][ssh-privatekey]')];
    case SECRET_TYPES.tls:
      return [...(has('tls.crt') ? [] : [required('data[tls.crt]')]), ...(has('tls.key') ? [] : [required('data[tls.key]')])];
    default:
      return [];
  }
}

function sorted(m: Record<string, string> | undefined): Record<string, string> {
  const o = m ?? {};
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

export const secretKind = defineKind<Secret>({
  group: '', version: 'v1', kind: 'Secret', plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true, verbs: ALL_VERBS,
  strategy: secretStrategy,
  printer: {
    columns: [NAME, { name: 'Type' }, { name: 'Data' }, AGE],
    cells: (s, { now }) => [nameCell(s), s.type ?? '', String(Object.keys(s.data ?? {}).length), ageCell(s, now)],
  },
  graph: { draw: 'card', abbrev: 'secret', order: 6, configuresPods: true },
});
