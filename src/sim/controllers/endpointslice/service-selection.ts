/**
 * Which pods each Service selects, kept per namespace from the pod and service informers, and
 * which Services a pod change concerns (the endpoint controllers' `getPodServiceMemberships`).
 * The Endpoints and the EndpointSlice controllers share one (`ServiceSelection.of`), so a pod
 * event costs one look at the Services of its own namespace, and a sync a look at the pods of its
 * own namespace.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { keyOf } from '../../core/keys';
import type { SharedInformers } from '../../informers/shared-informers';

export type PodObject = Pod & KObject;
export type ServiceObject = Service & KObject;

/** A Service's selector, or undefined when it has none (an empty one is stored as none). */
export function selectorOf(svc: ServiceObject): Record<string, string> | undefined {
  const sel = svc.spec?.selector;
  return sel && Object.keys(sel).length > 0 ? sel : undefined;
}

function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  if (!labels) return false;
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

/** One selection per cluster (its informers), shared by the controllers that need it. */
const SHARED = new WeakMap<SharedInformers, ServiceSelection>();

export class ServiceSelection {
  private readonly pods = new Map<string, Map<string, PodObject>>();
  private readonly services = new Map<string, Map<string, ServiceObject>>();
  private readonly listeners: Array<(serviceKey: string) => void> = [];

  /** The cluster's selection; `changed(key)` hears of every Service (`ns/name`) whose endpoints may have changed. */
  static of(informers: SharedInformers, changed: (serviceKey: string) => void): ServiceSelection {
    let s = SHARED.get(informers);
    if (!s) SHARED.set(informers, (s = new ServiceSelection(informers)));
    s.listeners.push(changed);
    return s;
  }

  private constructor(informers: SharedInformers) {
    const changed = (key: string) => {
      for (const l of this.listeners) l(key);
    };
    const svcInformer = informers.for('services');
    for (const s of svcInformer.list()) this.put(this.services, s as ServiceObject);
    svcInformer.onChange((obj, _old, type) => {
      if (type === 'DELETED') this.remove(this.services, obj);
      else this.put(this.services, obj as ServiceObject);
      changed(keyOf(obj));
    });
    const podInformer = informers.for('pods');
    for (const p of podInformer.list()) this.put(this.pods, p as PodObject);
    podInformer.onChange((obj, old, type) => {
      if (type === 'DELETED') this.remove(this.pods, obj);
      else this.put(this.pods, obj as PodObject);
      for (const svc of this.servicesOf(obj.metadata.namespace!)) {
        const sel = selectorOf(svc);
        if (sel && (selects(sel, obj.metadata.labels) || (old && selects(sel, old.metadata.labels)))) changed(keyOf(svc));
      }
    });
  }

  service(key: string): ServiceObject | undefined {
    const slash = key.indexOf('/');
    return this.services.get(key.slice(0, slash))?.get(key.slice(slash + 1));
  }

  /** The pods `svc`'s selector matches, in the order the cache met them. */
  podsOf(svc: ServiceObject): PodObject[] {
    const sel = selectorOf(svc);
    const out: PodObject[] = [];
    if (!sel) return out;
    for (const p of this.pods.get(svc.metadata.namespace!)?.values() ?? []) if (selects(sel, p.metadata.labels)) out.push(p);
    return out;
  }

  servicesOf(namespace: string): Iterable<ServiceObject> {
    return this.services.get(namespace)?.values() ?? [];
  }

  private put<T extends KObject>(index: Map<string, Map<string, T>>, obj: T): void {
    const ns = obj.metadata.namespace!;
    let byName = index.get(ns);
    if (!byName) index.set(ns, (byName = new Map()));
    byName.set(obj.metadata.name!, obj);
  }

  private remove<T extends KObject>(index: Map<string, Map<string, T>>, obj: KObject): void {
    index.get(obj.metadata.namespace!)?.delete(obj.metadata.name!);
  }
}
