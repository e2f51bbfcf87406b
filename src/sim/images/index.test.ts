import { describe, it, expect } from 'vitest';
import { imageDigest, knownRepositories, lookupImage, parseImageRef, pullErrorMessage } from '.';

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['library/nginx:alpine', 'docker.io/library/nginx:alpine'],
    ['docker.io/library/busybox', 'docker.io/library/busybox:latest'],
    ['gcr.io/kuar-demo/kuard-amd64:blue', 'gcr.io/kuar-demo/kuard-amd64:blue'],
    ['registry.k8s.io/hpa-example', 'registry.k8s.io/hpa-example:latest'],
    ['localhost:5000/app:v1', 'localhost:5000/app:v1'],
    [`nginx@sha256:${'a'.repeat(64)}`, `docker.io/library/nginx@sha256:${'a'.repeat(64)}`],
  ])('%s → %s', (raw, normalized) => {
    expect(parseImageRef(raw).normalized).toBe(normalized);
  });

  it('rejects invalid references with the kubelet message', () => {
    expect(() => parseImageRef('Nginx')).toThrow('Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase');
    expect(() => parseImageRef('nginx:')).toThrow('couldn\'t parse image name "nginx:": invalid reference format');
    expect(() => parseImageRef('')).toThrow('invalid reference format');
  });

  it('knows the registry', () => {
    expect(lookupImage(parseImageRef('nginx'))?.sizeBytes).toBe(72099410);
    expect(lookupImage(parseImageRef('nginx:1.99'))).toBeUndefined();
    expect(lookupImage(parseImageRef('busybox'))?.cmd).toEqual(['sh']);
    expect(lookupImage(parseImageRef('gcr.io/kuar-demo/kuard-amd64:blue'))?.server?.ports).toEqual([8080]);
    expect(pullErrorMessage(parseImageRef('foo/bar'))).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/foo/bar:latest": failed to resolve reference "docker.io/foo/bar:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it('runs images outside the catalog\'s namespaces as the generic app', () => {
    expect(lookupImage(parseImageRef('vinsdocker/k8s-app:v1'))?.opaque).toBe(true);
    expect(lookupImage(parseImageRef('ghcr.io/someone/app:1'))?.server?.ports).toBe('declared');
    expect(lookupImage(parseImageRef('tanishqsaluja/probe-test-image'))?.tag).toBe('latest');
    // Official and catalogued namespaces stay exact.
    expect(lookupImage(parseImageRef('ngnix'))).toBeUndefined();
    expect(lookupImage(parseImageRef('library/nginx:1.99'))).toBeUndefined();
    expect(lookupImage(parseImageRef('gcr.io/kuar-demo/kuard-amd64:nope'))).toBeUndefined();
    expect(lookupImage(parseImageRef('gcr.io/kuar-demo/other'))).toBeUndefined();
    expect(lookupImage(parseImageRef('fluent/fluentd:v0.14.10'))).toBeUndefined();
    expect(lookupImage(parseImageRef('registry.k8s.io/pause:3.10'))).toBeUndefined();
    // A catalogued image keeps its digest (the fingerprints and node image lists rely on it).
    expect(lookupImage(parseImageRef('nginx:1.27'))?.digest).toBe(imageDigest('docker.io/library/nginx', '1.27'));
  });

  it('is built from the family files, each repository once', () => {
    const repos = knownRepositories();
    expect(new Set(repos).size).toBe(repos.length);
    expect(repos.slice(0, 3)).toEqual(['docker.io/library/nginx', 'docker.io/library/busybox', 'registry.k8s.io/busybox']);
    expect(repos).toHaveLength(36);
  });
});
