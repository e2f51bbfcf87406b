/**
 * A secret volume's payload (pkg/volume/secret MakePayload): a file per key of `data`,
 * base64-decoded, or the `items` named; `defaultMode` 0644. The volume itself is a tmpfs (the
 * Secret never touches the node's disk).
 */
import type { Secret } from 'kubernetes-types/core/v1';
import type { PayloadResult } from './atomic-volume';
import { storedBytesText } from '../core/base64';
import { DEFAULT_MODE, keyedPayload, type KeyedSource } from './configmap-volume';

export function secretEntries(secret: Secret): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(secret.data ?? {})) out.set(k, storedBytesText(v));
  // stringData is write-only: the api-server folds it into data, but an unconverted object may still carry it.
  for (const [k, v] of Object.entries(secret.stringData ?? {})) out.set(k, v);
  return out;
}

export function secretPayload(source: KeyedSource, secret: Secret | undefined, defaultMode = source.defaultMode ?? DEFAULT_MODE): PayloadResult {
  if (!secret) return source.optional ? new Map() : { error: `secret "${source.name ?? ''}" not found` };
  return keyedPayload(secretEntries(secret), source, defaultMode, (key) => `references non-existent secret key: ${key}`);
}
