/**
 * The kinds this api-server serves, as `kubectl api-resources` lists them, built from the kind
 * definitions in `sim/kinds/`.
 */
import { KINDS, type KindDefinition, type ResourceType } from '../kinds';

export type { ResourceType };

/** Every served kind's definition (its names, strategy, printer and graph placement). */
export const RESOURCE_TYPES: readonly KindDefinition[] = KINDS;

/** Group/versions that Kubernetes once served but 1.32 does not. */
const REMOVED_GROUP_VERSIONS = ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'];

export class Registry {
  private byPlural = new Map<string, KindDefinition>();
  private byKind = new Map<string, KindDefinition>();

  constructor(types: readonly KindDefinition[] = KINDS) {
    for (const t of types) {
      this.byPlural.set(t.plural, t);
      this.byKind.set(t.kind, t);
    }
  }

  all(): KindDefinition[] {
    return [...this.byPlural.values()];
  }

  byResource(plural: string): KindDefinition | undefined {
    return this.byPlural.get(plural);
  }

  /** The resource for `apiVersion` + `kind`, or undefined when this server does not serve it. */
  forKind(apiVersion: string, kind: string): KindDefinition | undefined {
    const t = this.byKind.get(kind);
    if (!t) return undefined;
    return apiVersionOf(t) === apiVersion ? t : undefined;
  }

  /**
   * Resolves what a user typed (`po`, `pods`, `pod`, `deployments.apps`, `deploy`) as kubectl does.
   */
  resolve(name: string): KindDefinition | undefined {
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
