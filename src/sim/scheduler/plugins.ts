/**
 * The default scheduler's filter and score plugins, in the order kube-scheduler runs them.
 * Static filters (those that depend only on the pod's spec and the node object) are split from
 * the dynamic one (NodeResourcesFit, NodePorts) so that the scheduler can cache them.
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { PodRequest } from './resources';

export const MSG_UNSCHEDULABLE = 'node(s) were unschedulable';
export const MSG_NODE_NAME = "node(s) didn't match the requested node name";
export const MSG_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const MSG_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** Per-node accounting the scheduler keeps incrementally. */
export interface NodeInfo {
  name: string;
  node: Node;
  allocCpu: number;
  allocMemory: number;
  allocPods: number;
  cpu: number;
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
  pods: number;
  ports: Map<string, number>;
}

/**
 * NodeUnschedulable, NodeName, TaintToleration, NodeAffinity: the first failure wins.
 * Returns the reason, or '' if the node passes. `unresolvable` failures make preemption useless.
 */
export function staticFilter(pod: Pod, node: Node): string {
  const spec = pod.spec ?? { containers: [] };
  const tolerations = spec.tolerations ?? [];
  if (node.spec?.unschedulable) {
    const tolerated = tolerations.some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }));
    if (!tolerated) return MSG_UNSCHEDULABLE;
  }
  if (spec.nodeName && spec.nodeName !== node.metadata?.name) return MSG_NODE_NAME;
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerations.some((t) => tolerates(t, taint))) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  if (!matchesNodeAffinity(pod, node)) return MSG_AFFINITY;
  return '';
}

/** Resource fit: every reason a node gives (`Insufficient cpu`, `Too many pods`, …). */
export function fitReasons(req: PodRequest, info: NodeInfo): string[] {
  const reasons: string[] = [];
  if (info.pods + 1 > info.allocPods) reasons.push('Too many pods');
  if (req.cpu > 0 && info.cpu + req.cpu > info.allocCpu) reasons.push('Insufficient cpu');
  if (req.memory > 0 && info.memory + req.memory > info.allocMemory) reasons.push('Insufficient memory');
  return reasons;
}

export function portsConflict(req: PodRequest, info: NodeInfo): boolean {
  for (const p of req.hostPorts) {
    if (info.ports.has(p)) return true;
    // 0.0.0.0 conflicts with any hostIP on the same protocol and port.
    const [proto, ip, port] = p.split('/');
    for (const used of info.ports.keys()) {
      const [uproto, uip, uport] = used.split('/');
      if (uproto === proto && uport === port && (ip === '0.0.0.0' || uip === '0.0.0.0')) return true;
    }
  }
  return false;
}

export function tolerates(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  if (t.key !== taint.key) return false;
  return (t.value ?? '') === (taint.value ?? '');
}

export function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) {
    if (labels[k] !== v) return false;
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((term) => matchesTerm(term, node));
}

function matchesTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  return exprs.every((e) => matchesRequirement(e, labels)) && fields.every((f) => matchesRequirement(f, { 'metadata.name': node.metadata?.name ?? '' }));
}

function matchesRequirement(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const v = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return has && values.includes(v);
    case 'NotIn': return !has || !values.includes(v);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt': case 'Lt': {
      if (!has || values.length !== 1) return false;
      const n = Number(v);
      const bound = Number(values[0]);
      if (!Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return r.operator === 'Gt' ? n > bound : n < bound;
    }
    default: return false;
  }
}

const MAX_SCORE = 100;

/** NodeResourcesFit with the LeastAllocated strategy (cpu and memory, weight 1 each). */
export function leastAllocatedScore(req: PodRequest, info: NodeInfo): number {
  const cpu = leastAllocated(info.nonZeroCpu + req.nonZeroCpu, info.allocCpu);
  const mem = leastAllocated(info.nonZeroMemory + req.nonZeroMemory, info.allocMemory);
  return Math.floor((cpu + mem) / 2);
}

function leastAllocated(requested: number, alloc: number): number {
  return alloc === 0 || requested > alloc ? 0 : Math.floor(((alloc - requested) * MAX_SCORE) / alloc);
}

/** NodeResourcesBalancedAllocation: (1 − std of the requested fractions) × 100. */
export function balancedAllocationScore(req: PodRequest, info: NodeInfo): number {
  const c = fraction(info.cpu + req.cpu, info.allocCpu);
  const m = fraction(info.memory + req.memory, info.allocMemory);
  const std = Math.abs(c - m) / 2;
  return Math.floor((1 - std) * MAX_SCORE);
}

function fraction(requested: number, alloc: number): number {
  return alloc === 0 ? 0 : Math.min(1, requested / alloc);
}

/** TaintToleration raw score: how many PreferNoSchedule taints the pod does not tolerate. */
export function intolerablePreferNoSchedule(pod: Pod, node: Node): number {
  let n = 0;
  const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint))) n++;
  }
  return n;
}

/** NodeAffinity raw score: the sum of the weights of matching preferred terms. */
export function preferredAffinityWeight(pod: Pod, node: Node): number {
  let sum = 0;
  for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (matchesTerm(p.preference, node)) sum += p.weight;
  }
  return sum;
}
