/**
 * `kubectl describe serviceaccount` (describeServiceAccount in kubectl's describe.go): the
 * three secret lists under fixed-width headers, printed in sorted header order, a referenced
 * Secret that does not exist marked `(not found)`, then Events.
 */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { PrefixWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

const EMPTY_HEADER = '                   ';

/** `secrets`: the names of the namespace's Secrets, or undefined when they could not be listed. */
export function describeServiceAccount(obj: KObject, secrets: Set<string> | undefined, events: KObject[] | undefined, nowMs: number): string {
  const sa = obj as ServiceAccount & KObject;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace}\n`);
  writeLabels(w, 'Labels', sa.metadata.labels);
  writeAnnotations(w, 'Annotations', sa.metadata.annotations);
  // Token Secrets are only listed for legacy tokens; the playground makes none.
  const lists: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', []],
  ];
  for (const [header, names] of lists) {
    if (names.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    let prefix = header;
    for (const name of names) {
      const missing = secrets !== undefined && !secrets.has(name);
      w.write(0, `${prefix}\t${name}${missing ? ' (not found)' : ''}\n`);
      prefix = EMPTY_HEADER;
    }
  }
  writeEvents(w, events, nowMs);
  return w.toString();
}
