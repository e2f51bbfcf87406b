/**
 * Which references the catalog answers exactly. Docker Hub's official images (`nginx`,
 * `docker.io/library/…`), Kubernetes' own registries, and every namespace a catalogued family
 * comes from (`gcr.io/kuar-demo`, `docker.io/fluent`, …) are known: an image or tag missing
 * there fails to pull as the real registry fails. Any other namespace or registry
 * (`vinsdocker/k8s-app:v1`, `ghcr.io/someone/app:1`) holds images the playground cannot know.
 */

const ALWAYS_KNOWN = ['docker.io/library', 'registry.k8s.io', 'k8s.gcr.io'];

/** The namespaces the catalog owns, given its repositories (`gcr.io/kuar-demo/kuard-amd64`). */
export function knownNamespaces(repositories: readonly string[]): string[] {
  const parents = repositories.map((r) => r.slice(0, r.lastIndexOf('/')));
  return [...new Set([...ALWAYS_KNOWN, ...parents])];
}

/** Whether `repository` (normalized, `docker.io/vinsdocker/k8s-app`) lies in a known namespace. */
export function inKnownNamespace(repository: string, namespaces: readonly string[]): boolean {
  return namespaces.some((ns) => repository.startsWith(`${ns}/`));
}
