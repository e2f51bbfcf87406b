/**
 * What a card's edges reach, read from the objects themselves: an EndpointSlice's pods (by
 * readiness), an Ingress's backend Services, the pods using a ConfigMap, Secret or claim, and the
 * node a volume is pinned to. Pods are keyed by their graph id (`pod:ns/name`).
 */
import type { KObject } from '../../sim/core/object';
import { uses } from './config-refs';

type ObjectMap = ReadonlyMap<string, KObject>;

type Endpoint = { targetRef?: { kind?: string; namespace?: string; name?: string }; conditions?: { ready?: boolean } };

/** The drawn pods an EndpointSlice lists, split by readiness (kube-proxy sends traffic to the ready ones). */
export function endpointPods(slice: KObject, pods: ReadonlyMap<string, KObject>): { ready: string[]; notReady: string[] } {
  const ready: string[] = [];
  const notReady: string[] = [];
  for (const e of ((slice as { endpoints?: Endpoint[] }).endpoints ?? [])) {
    const ref = e.targetRef;
    if (ref?.kind !== 'Pod' || !ref.name) continue;
    const id = `pod:${ref.namespace ?? slice.metadata.namespace ?? ''}/${ref.name}`;
    if (!pods.has(id)) continue;
    // Unset means ready (discovery.k8s.io/v1: "nil should be interpreted as true").
    (e.conditions?.ready === false ? notReady : ready).push(id);
  }
  return { ready, notReady };
}

/** Whether any drawn pod uses the ConfigMap or Secret `o`. */
export function usedByAny(pods: ObjectMap, resource: string, o: KObject): boolean {
  for (const pod of pods.values()) if (uses(pod, resource, o)) return true;
  return false;
}

/** The drawn pods that use the ConfigMap or Secret `o` (env, volume, pull secret). */
export function configUsers(o: KObject, resource: string, pods: ObjectMap): string[] {
  const users: string[] = [];
  for (const [id, pod] of pods) if (uses(pod, resource, o)) users.push(id);
  return users;
}

/** The drawn pods that mount the claim `pvc` (pods use claims of their own namespace only). */
export function claimUsers(pvc: KObject, pods: ObjectMap): string[] {
  const users: string[] = [];
  for (const [id, pod] of pods) {
    const mounts = (pod.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] } | undefined)?.volumes ?? [];
    if (pod.metadata.namespace === pvc.metadata.namespace && mounts.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name)) users.push(id);
  }
  return users;
}

/** The node a volume's required node affinity names (`kubernetes.io/hostname In [node]`). */
export function pinnedNode(pv: KObject): string | undefined {
  type Term = { matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const terms = (pv.spec as { nodeAffinity?: { required?: { nodeSelectorTerms?: Term[] } } } | undefined)?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    const e = (t.matchExpressions ?? []).find((x) => x.key === 'kubernetes.io/hostname' && x.operator === 'In' && x.values?.length === 1);
    if (e) return e.values![0];
  }
  return undefined;
}

type Backend = { service?: { name?: string } };
type IngressSpecLike = { defaultBackend?: Backend; rules?: Array<{ http?: { paths?: Array<{ backend?: Backend }> } }> };

/** The Service names an Ingress's default backend and paths name, each once, in order. */
export function backendServices(ing: KObject): string[] {
  const spec = ing.spec as IngressSpecLike | undefined;
  const names = [spec?.defaultBackend?.service?.name, ...(spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend?.service?.name))];
  return [...new Set(names.filter((n): n is string => !!n))];
}
