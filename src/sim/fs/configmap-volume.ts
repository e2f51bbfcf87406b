/**
 * A configMap volume's payload (pkg/volume/configmap MakePayload): a file per key of `data`
 * and `binaryData`, or only the `items` it names at their `path` and `mode`; `defaultMode`
 * 0644 otherwise. A missing ConfigMap fails the mount unless `optional` (then the volume is
 * empty), as does an item naming a key the ConfigMap lacks.
 */
import type { ConfigMap, KeyToPath } from 'kubernetes-types/core/v1';
import type { Payload, PayloadResult } from './atomic-volume';
import { storedBytesText } from '../core/base64';

export const DEFAULT_MODE = 0o644;

export interface KeyedSource {
  name?: string;
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

/** The ConfigMap's keys, decoded (binaryData is base64). */
export function configMapEntries(cm: ConfigMap): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(cm.data ?? {})) out.set(k, v);
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) out.set(k, storedBytesText(v));
  return out;
}

export function configMapPayload(source: KeyedSource, cm: ConfigMap | undefined, defaultMode = source.defaultMode ?? DEFAULT_MODE): PayloadResult {
  if (!cm) return source.optional ? new Map() : { error: `configmap "${source.name ?? ''}" not found` };
  return keyedPayload(configMapEntries(cm), source, defaultMode, (key) => `configmap references non-existent config key: ${key}`);
}

/** Keys to files, shared with secret volumes (only the message for a missing key differs). */
export function keyedPayload(entries: Map<string, string>, source: KeyedSource, defaultMode: number, missingKey: (key: string) => string): PayloadResult {
  const payload: Payload = new Map();
  if (!source.items?.length) {
    for (const [k, v] of entries) payload.set(k, { content: v, mode: defaultMode });
    return payload;
  }
  for (const item of source.items) {
    const content = entries.get(item.key);
    if (content === undefined) {
      if (source.optional) continue;
      return { error: missingKey(item.key) };
    }
    payload.set(item.path, { content, mode: item.mode ?? defaultMode });
  }
  return payload;
}
