import { describe, it, expect } from 'vitest';
import { goDuration, Backoff } from './backoff';
import { lookupImage, parseImageRef, pullErrorMessage } from './images';

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
});

describe('back-off', () => {
  it('doubles from 10s to 5m and resets after 10 quiet minutes', () => {
    const b = new Backoff();
    const seq = [0, 1, 2, 3, 4, 5, 6].map((i) => b.next('k', i * 1000));
    expect(seq).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(b.next('k', 6000 + 600_001)).toBe(10_000);
    expect(b.inBackoffSince('k', 606_001, 610_000)).toBe(true);
    expect(b.inBackoffSince('k', 606_001, 616_001)).toBe(false);
  });

  it('formats Go durations', () => {
    expect(goDuration(10_000)).toBe('10s');
    expect(goDuration(80_000)).toBe('1m20s');
    expect(goDuration(300_000)).toBe('5m0s');
    expect(goDuration(547)).toBe('547ms');
    expect(goDuration(2345)).toBe('2.345s');
    expect(goDuration(61_500)).toBe('1m1.5s');
  });
});
