/**
 * Image references as the kubelet reads them: Docker's reference grammar
 * (distribution/reference), normalized the way containerd reports images.
 */
import type { ImageRef } from './types';

// Restricted to what the kubelet accepts.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$`);

export class InvalidImageName extends Error {}

/**
 * Parses and normalizes an image reference as the kubelet does (`nginx` →
 * `docker.io/library/nginx:latest`). Throws InvalidImageName with the kubelet's message.
 */
export function parseImageRef(raw: string): ImageRef {
  const m = REFERENCE.exec(raw);
  if (!m) {
    const lower = raw.toLowerCase();
    const why = lower !== raw && REFERENCE.test(lower)
      ? `invalid reference format: repository name (${familiarPath(raw)}) must be lowercase`
      : 'invalid reference format';
    throw new InvalidImageName(`Failed to apply default image tag "${raw}": couldn't parse image name "${raw}": ${why}`);
  }
  const [, name, tag, digest] = m;
  const repository = normalizeRepository(name);
  const effectiveTag = tag ?? (digest ? undefined : 'latest');
  let normalized = repository;
  if (effectiveTag) normalized += `:${effectiveTag}`;
  if (digest) normalized += `@${digest}`;
  return { raw, repository, tag: effectiveTag, digest, normalized };
}

function familiarPath(raw: string): string {
  const name = raw.split(/[:@]/)[0];
  const first = name.split('/')[0];
  const hasDomain = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain) return name.slice(first.length + 1);
  return name.includes('/') ? name : `library/${name}`;
}

function normalizeRepository(name: string): string {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    return first === 'index.docker.io' ? `docker.io/${name.slice(slash + 1)}` : name;
  }
  return slash < 0 ? `docker.io/library/${name}` : `docker.io/${name}`;
}
