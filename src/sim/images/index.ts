/**
 * The simulated image registry, built from one file per image family: which images and tags
 * exist, how big they are (what the kubelet prints in `Pulled … Image size: N bytes.`), their
 * ENTRYPOINT/CMD, the executables on their PATH, and how their default server process behaves
 * (startup log lines, stop signal). An image outside the catalog's namespaces (./well-known.ts)
 * runs as the generic app (./generic.ts).
 */
import { agnhost } from './agnhost';
import { alpine } from './alpine';
import { busybox } from './busybox';
import { coredns } from './coredns';
import { debian } from './debian';
import { imageDigest } from './digest';
import { BUSYBOX_FILES, DEBIAN_FILES } from './files/os';
import { fluentd } from './fluentd';
import { genericImage } from './generic';
import { goproxy } from './goproxy';
import { httpEcho } from './http-echo';
import { httpd } from './httpd';
import { ingressNginx } from './ingress-nginx';
import { kuard } from './kuard';
import { localPathProvisioner } from './local-path-provisioner';
import { kindnetd } from './kindnetd';
import { kubeComponents } from './kube-components';
import { mongo } from './mongo';
import { mysql } from './mysql';
import { nginx, nginxSlim } from './nginx';
import { perl } from './perl';
import { phpApache } from './php-apache';
import { metricsServer } from './metrics-server';
import { stress } from './stress';
import { postgres } from './postgres';
import { privateApp } from './private-app';
import { curl } from './curl';
import { redis } from './redis';
import type { ImageFamily, ImageInfo, ImageRef, ImageRepository } from './types';
import { ubuntu } from './ubuntu';
import { inKnownNamespace, knownNamespaces } from './well-known';

export type { Workload } from './types';
export type { AppContext, AppState, GrpcHealthAnswer, HttpAnswer, HttpRequest, ImageFamily, ImageInfo, ImageRef, ImageRepository, PortInUse, ServerBehaviour } from './types';
export { InvalidImageName, parseImageRef } from './reference';
export { imageDigest } from './digest';
export { appStateOf, toRequest } from './http';
export { credentialMatches, pullRefusal, PRIVATE_REGISTRIES, type RegistryCredential } from './registry-auth';

/** The families in the registry's order (what `knownRepositories` lists). */
const FAMILIES: ImageFamily[] = [nginx, busybox, kuard, httpd, redis, ubuntu, alpine, debian, mysql, mongo, phpApache, fluentd, stress, metricsServer, postgres, curl, agnhost, goproxy, httpEcho, coredns, localPathProvisioner, ingressNginx, kubeComponents, kindnetd, privateApp, perl, nginxSlim];

const REPOS: ImageRepository[] = FAMILIES.flatMap((f) => f.repositories);

const BY_REPO = new Map(REPOS.map((r) => [r.repository, r]));

const KNOWN_NAMESPACES = knownNamespaces(REPOS.filter((r) => r.ownsNamespace !== false).map((r) => r.repository));

/**
 * The image the registry holds for `ref`, or undefined (not found / no such tag): exact for
 * the catalog's namespaces, the generic app for any other.
 */
export function lookupImage(ref: ImageRef): ImageInfo | undefined {
  const repo = BY_REPO.get(ref.repository);
  if (!repo) return inKnownNamespace(ref.repository, KNOWN_NAMESPACES) ? undefined : genericImage(ref);
  let entry: [number, string] | undefined;
  let tag = ref.tag;
  if (tag !== undefined) entry = Object.hasOwn(repo.tags, tag) ? repo.tags[tag] : undefined;
  else {
    // Digest-only: any digest of a known repository resolves (we cannot know real digests).
    tag = 'latest';
    entry = repo.tags.latest ?? Object.values(repo.tags)[0];
  }
  if (!entry) return undefined;
  return {
    repository: repo.repository,
    tag,
    digest: imageDigest(repo.repository, tag),
    sizeBytes: entry[0],
    version: entry[1],
    entrypoint: repo.entrypoint,
    cmd: repo.cmd,
    binaries: new Set(repo.binaries),
    server: repo.server,
    ...(repo.idle ? { idle: repo.idle } : {}),
    ...(repo.workload ? { workload: repo.workload } : {}),
    ...(repo.networkProgram ? { networkProgram: repo.networkProgram } : {}),
    files: filesOf(repo),
    dashArgsRun: repo.dashArgsRun,
  };
}

const FILES = new Map<ImageRepository, ReadonlyMap<string, string>>();

/** An image's files, built once per repository: its own, else its userland's. */
function filesOf(repo: ImageRepository): ReadonlyMap<string, string> {
  let files = FILES.get(repo);
  if (!files) {
    files = new Map(Object.entries(repo.files ?? (repo.binaries.includes('dash') ? DEBIAN_FILES : BUSYBOX_FILES)));
    FILES.set(repo, files);
  }
  return files;
}

/** The CRI error of a failed pull (lookupImage gave nothing), as the kubelet prints it after `Failed to pull image "x": `. */
export function pullErrorMessage(ref: ImageRef): string {
  const n = ref.normalized;
  if (!BY_REPO.has(ref.repository)) {
    return `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`;
}

/** Known repositories (for tests and lesson authors). */
export function knownRepositories(): string[] {
  return REPOS.map((r) => r.repository);
}
