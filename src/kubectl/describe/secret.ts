/**
 * `kubectl describe secret` (describeSecret in kubectl's describe.go): the type, then each key
 * with its size in bytes — never its value, except a service-account token's `token`. No events.
 */
import type { Secret } from 'kubernetes-types/core/v1';
import { decodedLength, storedBytesText } from '../../sim/core/base64';
import type { KObject } from '../../sim/core/object';
import { PrefixWriter, writeAnnotations, writeLabels } from './writer';

export function describeSecret(obj: KObject): string {
  const s = obj as Secret & KObject;
  const data = s.data ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  writeLabels(w, 'Labels', s.metadata.labels);
  writeAnnotations(w, 'Annotations', s.metadata.annotations);
  w.write(0, `\nType:\t${s.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(data).sort()) {
    const value = String(data[k] ?? '');
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${storedBytesText(value)}\n`);
    else w.write(0, `${k}:\t${decodedLength(value)} bytes\n`);
  }
  return w.toString();
}
