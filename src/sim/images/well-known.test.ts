import { describe, expect, it } from 'vitest';
import { inKnownNamespace, knownNamespaces } from './well-known';

describe('well-known namespaces', () => {
  const namespaces = knownNamespaces(['docker.io/library/nginx', 'gcr.io/kuar-demo/kuard-amd64', 'docker.io/fluent/fluentd', 'registry.k8s.io/hpa-example']);

  it('are the official library, Kubernetes registries and the catalog\'s own namespaces', () => {
    expect(namespaces).toEqual(['docker.io/library', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io/kuar-demo', 'docker.io/fluent']);
  });

  it.each([
    ['docker.io/library/ngnix', true],
    ['gcr.io/kuar-demo/kuard-arm64', true],
    ['registry.k8s.io/e2e-test-images/agnhost', true],
    ['k8s.gcr.io/busybox', true],
    ['docker.io/fluent/fluent-bit', true],
    ['docker.io/vinsdocker/k8s-app', false],
    ['docker.io/libraryx/nginx', false],
    ['gcr.io/google-samples/hello-app', false],
    ['ghcr.io/someone/app', false],
    ['quay.io/x/y', false],
    ['localhost:5000/app', false],
  ])('%s → %s', (repository, known) => {
    expect(inKnownNamespace(repository, namespaces)).toBe(known);
  });
});
