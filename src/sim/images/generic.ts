/**
 * The generic app: what an image the playground cannot know runs (a personal namespace or
 * another registry, `vinsdocker/k8s-app:v1`, `ghcr.io/someone/app:1`). Such images exist for
 * real, so instead of failing the pull each one runs as a stand-in: its size and digest derive
 * from the reference, it listens on the container's declared ports, answers HTTP with a small
 * page naming the image, and says in its log that it is a stand-in.
 */
import { hash32 } from '../core/rng';
import { imageDigest } from './digest';
import type { ImageInfo, ImageRef, ServerBehaviour } from './types';
import { BUSYBOX } from './userland';

/** Pulled sizes fall in 20–260 MB, like the small app images the notes build. */
const MIN_SIZE = 20_000_000;
const SIZE_SPAN = 240_000_000;

/** The stand-in server for the image `name` (normalized reference). */
export function genericServer(name: string): ServerBehaviour {
  return {
    // Any program of the image that is not its userland is its app (ImageInfo.opaque).
    binaries: [],
    ports: 'declared',
    timestampStyle: 'none',
    startup: (_version, ports) => [[0, `Kubeplay stand-in for ${name}: ${listening(ports)}`]],
    http: () => ({ status: 200, contentType: 'text/html', body: page(name) }),
    shutdown: [],
    shutdownMs: 100,
  };
}

/** The image `ref` names, as the generic app. */
export function genericImage(ref: ImageRef): ImageInfo {
  // Digest-only references are stored under `latest`, as the catalog's are.
  const tag = ref.tag ?? 'latest';
  return {
    repository: ref.repository,
    tag,
    digest: ref.digest ?? imageDigest(ref.repository, tag),
    sizeBytes: MIN_SIZE + (hash32(`size:${ref.normalized}`) % SIZE_SPAN),
    // Unknown ENTRYPOINT: `args` alone still run the app.
    entrypoint: ['/app'],
    cmd: [],
    // Most app images sit on a small userland with a shell: `sh -c …` commands still run.
    binaries: new Set(BUSYBOX),
    server: genericServer(ref.normalized),
    version: tag,
    opaque: true,
  };
}

function listening(ports: number[]): string {
  if (!ports.length) return 'running (no container ports declared)';
  return `listening on port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`;
}

function page(name: string): string {
  return [
    '<!DOCTYPE html>',
    `<html><head><title>${name}</title></head>`,
    `<body><h1>${name}</h1>`,
    '<p>A generic app standing in for this image: Kubeplay cannot know what it really serves.</p>',
    '</body></html>',
    '',
  ].join('\n');
}
