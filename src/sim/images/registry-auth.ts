/**
 * Registries that want credentials before they serve a pull, and the kubelet's keyring match
 * of a pull secret's entries to an image (credentialprovider's URLsMatch: the entry's host,
 * then its path as a prefix of the repository's; Docker Hub is `https://index.docker.io/v1/`).
 * Without a matching credential, or with a wrong one, the registry answers 401 and containerd
 * reports it as its resolver does.
 */
import type { ImageRef } from './types';

/** One registry login, as a dockerconfigjson `auths` entry holds it. */
export interface RegistryCredential {
  /** The entry's key: `registry.example.com`, `https://index.docker.io/v1/`. */
  server: string;
  username: string;
  password: string;
}

/**
 * The playground's private registry: its images pull only with this login (the lessons and
 * the transcripts name it; any other answers 401 Unauthorized).
 */
export const PRIVATE_REGISTRIES: Record<string, { username: string; password: string }> = {
  'registry.example.com': { username: 'learner', password: 'kubeplay' },
};

const DOCKER_HUB_KEYS = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io']);

/** `docker.io/library/nginx` → host `docker.io`, path `library/nginx`. */
function splitRepository(repository: string): [host: string, path: string] {
  const slash = repository.indexOf('/');
  return [repository.slice(0, slash), repository.slice(slash + 1)];
}

/** Whether a credential's key covers the image's repository. */
export function credentialMatches(server: string, ref: ImageRef): boolean {
  const key = server.replace(/^[a-z]+:\/\//, '').replace(/\/v[12]\/?$/, '').replace(/\/+$/, '');
  const slash = key.indexOf('/');
  let host = slash < 0 ? key : key.slice(0, slash);
  const path = slash < 0 ? '' : key.slice(slash + 1);
  if (DOCKER_HUB_KEYS.has(host)) host = 'docker.io';
  const [imageHost, imagePath] = splitRepository(ref.repository);
  if (!globHost(host, imageHost)) return false;
  return path === '' || imagePath === path || imagePath.startsWith(`${path}/`);
}

/** A host glob (`*.example.com`): the same number of parts, each matching. */
function globHost(glob: string, host: string): boolean {
  const g = glob.split('.');
  const h = host.split('.');
  if (g.length !== h.length) return false;
  return g.every((part, i) => part === '*' || part === h[i]);
}

/**
 * The CRI error when the registry refuses the pull (no login it accepts among `credentials`),
 * or undefined when it serves it.
 */
export function pullRefusal(ref: ImageRef, credentials: readonly RegistryCredential[]): string | undefined {
  const [host] = splitRepository(ref.repository);
  const login = Object.hasOwn(PRIVATE_REGISTRIES, host) ? PRIVATE_REGISTRIES[host] : undefined;
  if (!login) return undefined;
  const accepted = credentials.some((c) => credentialMatches(c.server, ref) && c.username === login.username && c.password === login.password);
  if (accepted) return undefined;
  const n = ref.normalized;
  const object = ref.tag !== undefined ? ref.tag : (ref.digest ?? 'latest');
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": pulling from host ${host} failed with status code [manifests ${object}]: 401 Unauthorized`;
}
