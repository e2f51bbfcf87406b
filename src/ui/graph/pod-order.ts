/**
 * The order newcomer pods take their slots in: by creation (so a ReplicaSet's pods fill a box
 * left to right), and among pods created in the same second, a StatefulSet's by ordinal —
 * numeric, so `web-10` comes after `web-9` — and a DaemonSet's by the node each is for, in the
 * boxes' order; anything else by namespace/name. Each key is built once, not once per comparison.
 */
import type { KObject } from '../../sim/core/object';

const NOWHERE = 999_999;

/** The node a DaemonSet pod is for: its nodeName once bound, before that its `metadata.name` node affinity. */
export function daemonPodNode(pod: KObject): string | undefined {
  const spec = pod.spec as { nodeName?: string; affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: Array<{ matchFields?: Array<{ key: string; operator: string; values?: string[] }> }> } } } } | undefined;
  if (spec?.nodeName) return spec.nodeName;
  for (const term of spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const field = term.matchFields?.find((f) => f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1);
    if (field) return field.values![0];
  }
  return undefined;
}

/** What orders a pod among those created in the same second. */
function tieKey(pod: KObject, nodeIndex: ReadonlyMap<string, number>): string {
  const ns = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner?.kind === 'StatefulSet' && name.startsWith(`${owner.name}-`)) {
    const ordinal = name.slice(owner.name.length + 1);
    if (/^\d+$/.test(ordinal)) return `${ns}/${owner.name}\u0001${ordinal.padStart(12, '0')}`;
  }
  if (owner?.kind === 'DaemonSet') {
    const node = daemonPodNode(pod);
    const i = node === undefined ? NOWHERE : (nodeIndex.get(node) ?? NOWHERE);
    return `${ns}/${owner.name}\u0001${String(i).padStart(6, '0')}\u0001${name}`;
  }
  return `${ns}/${name}`;
}

export function placementOrder(objects: KObject[], nodeOrder: readonly string[]): KObject[] {
  if (objects.length < 2) return objects;
  const nodeIndex = new Map(nodeOrder.map((n, i) => [n, i]));
  const keyed = objects.map((o) => ({ o, k: `${o.metadata.creationTimestamp ?? ''}\u0000${tieKey(o, nodeIndex)}` }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.o);
}
