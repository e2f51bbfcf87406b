/** One-line summaries shown on the graph's workload cards and node boxes, and what makes a node the control plane. */
import type { KObject } from '../../sim/core/object';

export function deploymentSummary(d: KObject): string {
  const spec = d.spec as { replicas?: number } | undefined;
  const status = d.status as { readyReplicas?: number; updatedReplicas?: number } | undefined;
  return `${status?.readyReplicas ?? 0}/${spec?.replicas ?? 1} ready`;
}

export function replicaSetSummary(r: KObject): string {
  const spec = r.spec as { replicas?: number } | undefined;
  const status = r.status as { readyReplicas?: number } | undefined;
  const image = (r.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined)?.template?.spec?.containers?.[0]?.image;
  return `${status?.readyReplicas ?? 0}/${spec?.replicas ?? 0} ready${image ? ` · ${image}` : ''}`;
}

export function daemonSetSummary(d: KObject): string {
  const status = d.status as { numberReady?: number; desiredNumberScheduled?: number } | undefined;
  return `${status?.numberReady ?? 0}/${status?.desiredNumberScheduled ?? 0} nodes ready`;
}

export function serviceSummary(s: KObject): string {
  const spec = s.spec as { type?: string; clusterIP?: string } | undefined;
  return `${spec?.type ?? 'ClusterIP'} ${spec?.clusterIP ?? ''}`.trim();
}

/** "2 ready · 1 not ready": the endpoints kube-proxy uses and the ones it holds back. */
export function endpointSliceSummary(e: KObject): string {
  const endpoints = (e as { endpoints?: Array<{ conditions?: { ready?: boolean } }> }).endpoints ?? [];
  if (endpoints.length === 0) return 'no endpoints';
  const notReady = endpoints.filter((x) => x.conditions?.ready === false).length;
  const ready = endpoints.length - notReady;
  return notReady ? `${ready} ready · ${notReady} not ready` : `${ready} ready`;
}

/** An Ingress's class and address (`cloud-provider-kind 172.18.0.6`), as `kubectl get ingress` shows them. */
export function ingressSummary(i: KObject): string {
  const spec = i.spec as { ingressClassName?: string } | undefined;
  const lb = (i.status as { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } } | undefined)?.loadBalancer?.ingress ?? [];
  const address = lb.map((a) => a.ip || a.hostname).filter(Boolean).join(',');
  return `${spec?.ingressClassName ?? '<none>'}${address ? ` ${address}` : ''}`;
}

/** What a card shows under its name, and whether it is drawn faded, by kind (others: nothing, never). */
export const CARD_LOOKS: Readonly<Record<string, { summary(o: KObject): string; faded?(o: KObject): boolean }>> = {
  Deployment: { summary: deploymentSummary },
  DaemonSet: { summary: daemonSetSummary },
  // A ReplicaSet scaled to zero is an old revision kept for rollback.
  ReplicaSet: { summary: replicaSetSummary, faded: (r) => ((r.spec as { replicas?: number } | undefined)?.replicas ?? 0) === 0 },
  Service: { summary: serviceSummary },
  EndpointSlice: { summary: endpointSliceSummary },
  Ingress: { summary: ingressSummary },
  ConfigMap: { summary: (o) => keyCount(Object.keys(o.data ?? {}).length + Object.keys((o as { binaryData?: object }).binaryData ?? {}).length) },
  Secret: { summary: (o) => `${(o as { type?: string }).type ?? 'Opaque'} · ${keyCount(Object.keys(o.data ?? {}).length)}` },
};

function keyCount(n: number): string {
  return n === 1 ? '1 key' : `${n} keys`;
}

export function isControlPlane(name: string, node: KObject | undefined): boolean {
  const labels = node?.metadata.labels ?? {};
  return 'node-role.kubernetes.io/control-plane' in labels || name.endsWith('control-plane');
}

type Taint = { key: string; value?: string; effect: string };

/** A taint as `kubectl taint` writes it: `key=value:Effect`, or `key:Effect` without a value. */
export function taintText(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/**
 * Why an empty node box is empty, read off the Node: the taints that keep pods off it
 * (NoSchedule, NoExecute), or its being cordoned. Empty when nothing keeps pods away.
 */
export function emptyNodeNote(node: KObject | undefined): string {
  const spec = node?.spec as { taints?: Taint[]; unschedulable?: boolean } | undefined;
  const repelling = (spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  const reasons = [...(repelling.length ? [`tainted ${repelling.map(taintText).join(', ')}`] : []), ...(spec?.unschedulable ? ['cordoned (unschedulable)'] : [])];
  return reasons.length ? `No pods: ${reasons.join('; ')}` : '';
}
