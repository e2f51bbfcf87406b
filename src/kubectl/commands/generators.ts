/** Helpers shared by kubectl's object generators (`create deployment`, `run`). */
import { SAFE_ALPHABET } from '../../sim/rng';
import type { CommandContext } from '../types';

/**
 * kubectl create deployment's container name: the image's last path segment without tag or
 * digest; `_` and `.` become `-` and then a random 5-character suffix is added
 * (sanitizeAndUniquify).
 */
export function containerNameForImage(ctx: CommandContext, image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0].split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${ctx.cluster.rng.fork(`kubectl/${ctx.cluster.clock.now()}/${image}`).string(5, SAFE_ALPHABET)}`;
  return name;
}

/** `--labels=a=b,c=d` / `--env` style `k=v` lists. */
export function parseKeyValues(spec: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const pair of spec.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`invalid ${what}: ${JSON.stringify(pair)}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** distribution/reference's grammar, as kubectl run checks an image name before sending it. */
const IMAGE_REFERENCE =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

export function isValidImageReference(image: string): boolean {
  return IMAGE_REFERENCE.test(image);
}
