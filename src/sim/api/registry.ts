/**
 * The kinds this api-server serves, as `kubectl api-resources` lists them.
 */
export interface ResourceType {
  group: string; // '' for core
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories?: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCE_TYPES: ResourceType[] = [
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true, verbs: ALL_VERBS },
  { group: '', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true, verbs: ALL_VERBS },
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
  { group: '', version: 'v1', kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, verbs: ALL_VERBS },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, verbs: ALL_VERBS, categories: ['all'] },
  { group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', singular: 'resourcequota', shortNames: ['quota'], namespaced: true, verbs: ALL_VERBS },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], categories: ['all'] },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, verbs: ALL_VERBS, categories: ['all'] },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, verbs: ALL_VERBS, categories: ['all'] },
];

/** Group/versions that Kubernetes once served but 1.32 does not. */
const REMOVED_GROUP_VERSIONS = ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'];

export class Registry {
  private byPlural = new Map<string, ResourceType>();
  private byKind = new Map<string, ResourceType>();

  constructor(types: ResourceType[] = RESOURCE_TYPES) {
    for (const t of types) {
      this.byPlural.set(t.plural, t);
      this.byKind.set(t.kind, t);
    }
  }

  all(): ResourceType[] {
    return [...this.byPlural.values()];
  }

  byResource(plural: string): ResourceType | undefined {
    return this.byPlural.get(plural);
  }

  /** The resource for `apiVersion` + `kind`, or undefined when this server does not serve it. */
  forKind(apiVersion: string, kind: string): ResourceType | undefined {
    const t = this.byKind.get(kind);
    if (!t) return undefined;
    return apiVersionOf(t) === apiVersion ? t : undefined;
  }

  /**
   * Resolves what a user typed (`po`, `pods`, `pod`, `deployments.apps`, `deploy`) as kubectl does.
   */
  resolve(name: string): ResourceType | undefined {
    const lower = name.toLowerCase();
    const [head, ...rest] = lower.split('.');
    const group = rest.join('.');
    for (const t of this.byPlural.values()) {
      if (group && t.group !== group) continue;
      if (t.plural === head || t.singular === head || t.shortNames.includes(head) || t.kind.toLowerCase() === head) return t;
    }
    return undefined;
  }

  isRemovedGroupVersion(apiVersion: string): boolean {
    return REMOVED_GROUP_VERSIONS.includes(apiVersion);
  }
}

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}
