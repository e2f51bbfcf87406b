/**
 * `controller.ComputeHash`: FNV-32a of the pod template (plus the collision count), printed
 * in decimal and mapped through `rand.SafeEncodeString` — hence 9–10 characters from
 * `bcdfghjklmnpqrstvwxz2456789`. Kubernetes hashes Go's `%#v` dump of the template, which
 * cannot be reproduced here; we hash a canonical JSON form instead (same length, alphabet and
 * collision-count behaviour, different bytes).
 */
import { SAFE_ALPHABET } from '../../core/rng';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

const encoder = new TextEncoder();

export function podTemplateHash(template: unknown, collisionCount?: number | null): string {
  let h = fnv32a(0x811c9dc5, encoder.encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer.
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(h, bytes);
  }
  return safeEncodeString(String(h));
}

/** `rand.SafeEncodeString`: each byte picks `alphanums[b % 27]`. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

function fnv32a(seed: number, bytes: Uint8Array): number {
  let h = seed;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * JSON with sorted keys and without empty values (Kubernetes' semantic equality treats nil
 * and empty maps and slices alike, so they must hash alike too).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value)) ?? 'null';
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => normalize(v) ?? null);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = normalize((value as Record<string, unknown>)[k]);
      if (v === undefined || v === null) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
      out[k] = v;
    }
    return out;
  }
  return value;
}
