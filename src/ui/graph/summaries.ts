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

type JobLike = { spec?: { completions?: number; parallelism?: number }; status?: { succeeded?: number; active?: number; conditions?: Array<{ type: string; status: string }> } };

function jobFinished(j: KObject): string | undefined {
  return (j as JobLike).status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type;
}

/** "Complete · 3/3", "Running · 1/3 · 2 active": how far a Job is, as its STATUS and COMPLETIONS columns say. */
export function jobSummary(j: KObject): string {
  const { spec, status } = j as JobLike;
  const done = `${status?.succeeded ?? 0}/${spec?.completions ?? 1}`;
  const finished = jobFinished(j);
  if (finished) return `${finished} · ${done}`;
  return status?.active ? `Running · ${done} · ${status.active} active` : `Running · ${done}`;
}

/** The schedule, and how many Jobs run (or "suspended"). */
export function cronJobSummary(c: KObject): string {
  const spec = c.spec as { schedule?: string; suspend?: boolean } | undefined;
  const active = (c.status as { active?: unknown[] } | undefined)?.active?.length ?? 0;
  return `${spec?.schedule ?? ''}${spec?.suspend ? ' · suspended' : active ? ` · ${active} active` : ''}`;
}

/** What a card shows under its name, and whether it is drawn faded, by kind (others: nothing, never). */
export const CARD_LOOKS: Readonly<Record<string, { summary(o: KObject): string; faded?(o: KObject): boolean }>> = {
  Deployment: { summary: deploymentSummary },
  DaemonSet: { summary: daemonSetSummary },
  // Ready of replicas and the image, as for a ReplicaSet: a rolling update shows as the image changes.
  StatefulSet: { summary: replicaSetSummary },
  // A ReplicaSet scaled to zero is an old revision kept for rollback.
  ReplicaSet: { summary: replicaSetSummary, faded: (r) => ((r.spec as { replicas?: number } | undefined)?.replicas ?? 0) === 0 },
  Service: { summary: serviceSummary },
  EndpointSlice: { summary: endpointSliceSummary },
  Ingress: { summary: ingressSummary },
  PersistentVolumeClaim: { summary: (o) => claimSummary(o) },
  PersistentVolume: { summary: (o) => volumeSummary(o), faded: (o) => (o.status as { phase?: string } | undefined)?.phase === 'Released' },
  // A finished Job stays for its logs: drawn faded, as its Completed pods are.
  Job: { summary: jobSummary, faded: (j) => jobFinished(j) !== undefined },
  CronJob: { summary: cronJobSummary, faded: (c) => !!(c.spec as { suspend?: boolean } | undefined)?.suspend },
  ConfigMap: { summary: (o) => keyCount(Object.keys(o.data ?? {}).length + Object.keys((o as { binaryData?: object }).binaryData ?? {}).length) },
  Secret: { summary: (o) => `${(o as { type?: string }).type ?? 'Opaque'} · ${keyCount(Object.keys(o.data ?? {}).length)}` },
};

/** `Bound · 1Gi`, `Pending`: what `kubectl get pvc` says first. */
function claimSummary(o: KObject): string {
  const phase = o.metadata.deletionTimestamp ? 'Terminating' : ((o.status as { phase?: string } | undefined)?.phase ?? '');
  const size = (o.status as { capacity?: { storage?: string } } | undefined)?.capacity?.storage ?? (o.spec as { resources?: { requests?: { storage?: string } } } | undefined)?.resources?.requests?.storage;
  return size ? `${phase} · ${size}` : phase;
}

/** `Bound · 1Gi · Delete`. */
function volumeSummary(o: KObject): string {
  const phase = o.metadata.deletionTimestamp ? 'Terminating' : ((o.status as { phase?: string } | undefined)?.phase ?? '');
  const spec = o.spec as { capacity?: { storage?: string }; persistentVolumeReclaimPolicy?: string } | undefined;
  return [phase, spec?.capacity?.storage, spec?.persistentVolumeReclaimPolicy].filter(Boolean).join(' · ');
}

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
