/** Stable fake digests: a registry's content address, derived from the name (no real bytes). */
import { hash32 } from '../core/rng';

/** `sha256:` + 64 hex digits derived from `repository:tag` (for imageID `repo@sha256:…`). */
export function imageDigest(repository: string, tag: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++) hex += hash32(`${repository}:${tag}#${i}`).toString(16).padStart(8, '0');
  return `sha256:${hex.slice(0, 64)}`;
}
