/**
 * The default scheduler (`default-scheduler`). Watches unscheduled pods, filters nodes
 * (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit),
 * scores the feasible ones (LeastAllocated, BalancedAllocation, TaintToleration ×3,
 * NodeAffinity ×2), breaks ties with a seeded rng, binds, and reports FailedScheduling with
 * kube-scheduler's message. Node accounting is incremental; static filter verdicts are cached
 * per pod "shape" so that 10,000 replicas of one template cost little.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { SimContext } from '../context';
import type { Informer } from '../informers/informer';
import { SharedInformers } from '../informers/shared-informers';
import { keyOf, splitKey } from '../core/keys';
import type { KObject } from '../core/object';
import { cpuMillis, memoryBytes } from '../core/quantity';
import { bindPod, setCondition, type PodCondition } from './binding';
import {
  balancedAllocationScore,
  fitReasons,
  intolerablePreferNoSchedule,
  leastAllocatedScore,
  MSG_PORTS,
  portsConflict,
  preferredAffinityWeight,
  staticFilter,
  type NodeInfo,
} from './plugins';
import { podRequest, type PodRequest } from './resources';
import { VolumeBinding, type PodClaims } from './volume-binding';

export const SCHEDULER_NAME = 'default-scheduler';
/** podMaxInUnschedulablePodsDuration: unschedulable pods are retried at least this often. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;
/** Initial pod back-off after a cluster change makes a retry worthwhile. */
const RETRY_BACKOFF_MS = 1000;

export interface NodeVerdict {
  node: string;
  fits: boolean;
  reasons: string[];
}

export interface Scheduler {
  /** Why `pod` would or would not fit `nodeName` right now. */
  explainNode(pod: KObject, nodeName: string): NodeVerdict;
  /** Pods waiting to be scheduled (active + unschedulable). */
  pendingCount(): number;
}

interface Accounted {
  node: string;
  req: PodRequest;
}

interface Waiting {
  attempts: number;
  lastAttempt: number;
}

/**
 * Starts a scheduler on the cluster's shared pod and node informers, as kube-scheduler builds its
 * cache from the shared informer factory (a 10,000-pod cluster keeps one pod cache).
 */
export function startScheduler(ctx: SimContext, informers = new SharedInformers(ctx.store)): Scheduler {
  return new DefaultScheduler(ctx, informers);
}

class DefaultScheduler implements Scheduler {
  private readonly rng;
  private readonly record;
  private readonly pods: Informer;
  private readonly nodeInfos = new Map<string, NodeInfo>();
  private nodeOrder: NodeInfo[] = [];
  private readonly accounted = new Map<string, Accounted>();
  private active = new Map<string, number>();
  private readonly unschedulable = new Map<string, Waiting>();
  private seq = 0;
  private drainScheduled = false;
  private retryTimer: number | undefined;
  private flushTimer: number | undefined;
  private nextStartNodeIndex = 0;
  /** Bumped on every change that could make a pod fit; keys the per-shape failure cache. */
  private clusterGen = 0;
  private staticCache = new Map<string, string[]>();
  private failureCache = new Map<string, { gen: number; reasons: Map<string, number>; unresolvable: number }>();
  private readonly volumeBinding: VolumeBinding;

  constructor(
    private readonly ctx: SimContext,
    informers: SharedInformers,
  ) {
    this.rng = ctx.rng.fork('scheduler');
    this.record = ctx.events.for({ component: SCHEDULER_NAME });
    const nodes = informers.for('nodes');
    for (const n of nodes.list().sort(byCreation)) this.upsertNode(n as Node);
    nodes.onChange((obj, _old, type) => {
      if (type === 'DELETED') this.removeNode(obj.metadata.name!);
      else this.upsertNode(obj as Node);
      this.clusterChanged();
    });
    this.volumeBinding = new VolumeBinding(informers);
    // A claim or volume that changes may let a pod waiting on it fit.
    for (const r of ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses']) informers.for(r).onChange(() => this.clusterChanged());
    this.pods = informers.for('pods');
    for (const p of this.pods.list()) this.onPod(p, undefined, 'ADDED');
    this.pods.onChange((obj, old, type) => this.onPod(obj, old, type));
  }

  pendingCount(): number {
    return this.active.size + this.unschedulable.size;
  }

  explainNode(obj: KObject, nodeName: string): NodeVerdict {
    const pod = obj as Pod;
    const info = this.nodeInfos.get(nodeName);
    if (!info) return { node: nodeName, fits: false, reasons: [`node "${nodeName}" not found`] };
    const s = staticFilter(pod, info.node);
    if (s) return { node: nodeName, fits: false, reasons: [s] };
    const req = podRequest(pod);
    if (portsConflict(req, info)) return { node: nodeName, fits: false, reasons: [MSG_PORTS] };
    const reasons = fitReasons(req, info);
    return { node: nodeName, fits: reasons.length === 0, reasons };
  }

  // ---- informer handlers ----

  private onPod(obj: KObject, old: KObject | undefined, type: string): void {
    const key = keyOf(obj);
    const pod = obj as Pod;
    if (type === 'DELETED') {
      this.unaccount(key);
      this.active.delete(key);
      this.unschedulable.delete(key);
      return;
    }
    const nodeName = pod.spec?.nodeName;
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    if (nodeName) {
      this.active.delete(key);
      this.unschedulable.delete(key);
      if (terminal) this.unaccount(key);
      else if (!this.accounted.has(key)) this.account(key, nodeName, podRequest(pod));
      return;
    }
    if (!this.responsibleFor(pod)) {
      this.active.delete(key);
      this.unschedulable.delete(key);
      return;
    }
    if (pod.spec?.schedulingGates?.length) {
      this.active.delete(key);
      this.unschedulable.delete(key);
      // Written a moment later, never from inside a watch handler.
      this.ctx.clock.after(0, () => {
        const latest = this.pods.get(obj.metadata.namespace, obj.metadata.name!);
        if (latest && (latest.spec as Pod['spec'])?.schedulingGates?.length && !(latest.spec as Pod['spec'])?.nodeName) this.markGated(latest);
      }, SCHEDULER_NAME);
      return;
    }
    // New pods, and pods whose spec changed while waiting, go (back) to the active queue.
    const specChanged = !old || old.spec !== obj.spec;
    if (!this.active.has(key) && (specChanged || !this.unschedulable.has(key))) {
      this.unschedulable.delete(key);
      this.enqueue(key);
    }
  }

  private responsibleFor(pod: Pod): boolean {
    if ((pod.spec?.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME) return false;
    if ((pod as KObject).metadata.deletionTimestamp) return false;
    const phase = pod.status?.phase;
    return phase !== 'Succeeded' && phase !== 'Failed';
  }

  private upsertNode(node: Node): void {
    const name = node.metadata!.name!;
    const alloc = (node.status?.allocatable ?? {}) as Record<string, string>;
    let info = this.nodeInfos.get(name);
    if (!info) {
      info = { name, node, allocCpu: 0, allocMemory: 0, allocPods: 0, cpu: 0, memory: 0, nonZeroCpu: 0, nonZeroMemory: 0, pods: 0, ports: new Map() };
      this.nodeInfos.set(name, info);
      this.nodeOrder.push(info);
    }
    info.node = node;
    info.allocCpu = cpuMillis(alloc.cpu);
    info.allocMemory = memoryBytes(alloc.memory);
    info.allocPods = Number(alloc.pods ?? 0) || 0;
    this.staticCache.clear();
  }

  private removeNode(name: string): void {
    this.nodeInfos.delete(name);
    this.nodeOrder = this.nodeOrder.filter((n) => n.name !== name);
    this.staticCache.clear();
  }

  private account(key: string, nodeName: string, req: PodRequest): void {
    let info = this.nodeInfos.get(nodeName);
    this.accounted.set(key, { node: nodeName, req });
    if (!info) return; // bound to a node that does not exist (yet): counted if it appears
    info = info!;
    info.cpu += req.cpu;
    info.memory += req.memory;
    info.nonZeroCpu += req.nonZeroCpu;
    info.nonZeroMemory += req.nonZeroMemory;
    info.pods++;
    for (const p of req.hostPorts) info.ports.set(p, (info.ports.get(p) ?? 0) + 1);
  }

  private unaccount(key: string): void {
    const a = this.accounted.get(key);
    if (!a) return;
    this.accounted.delete(key);
    const info = this.nodeInfos.get(a.node);
    if (info) {
      info.cpu -= a.req.cpu;
      info.memory -= a.req.memory;
      info.nonZeroCpu -= a.req.nonZeroCpu;
      info.nonZeroMemory -= a.req.nonZeroMemory;
      info.pods--;
      for (const p of a.req.hostPorts) {
        const n = (info.ports.get(p) ?? 1) - 1;
        if (n <= 0) info.ports.delete(p);
        else info.ports.set(p, n);
      }
    }
    this.clusterChanged();
  }

  // ---- queue ----

  private enqueue(key: string): void {
    this.active.set(key, ++this.seq);
    if (!this.drainScheduled) {
      this.drainScheduled = true;
      this.ctx.clock.after(0, () => this.drain(), SCHEDULER_NAME);
    }
  }

  /** A change that may let waiting pods fit: retry them after the back-off. */
  private clusterChanged(): void {
    this.clusterGen++;
    if (this.unschedulable.size === 0 || this.retryTimer !== undefined) return;
    this.retryTimer = this.ctx.clock.after(RETRY_BACKOFF_MS, () => {
      this.retryTimer = undefined;
      for (const key of [...this.unschedulable.keys()]) this.enqueue(key);
    }, SCHEDULER_NAME);
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined || this.unschedulable.size === 0) return;
    let oldest = Infinity;
    for (const w of this.unschedulable.values()) oldest = Math.min(oldest, w.lastAttempt);
    this.flushTimer = this.ctx.clock.at(oldest + UNSCHEDULABLE_RETRY_MS, () => {
      this.flushTimer = undefined;
      const now = this.ctx.clock.now();
      for (const [key, w] of this.unschedulable) if (now - w.lastAttempt >= UNSCHEDULABLE_RETRY_MS) this.enqueue(key);
      this.scheduleFlush();
    }, SCHEDULER_NAME);
  }

  private drain(): void {
    this.drainScheduled = false;
    const batch = [...this.active.entries()];
    this.active.clear();
    const items = batch.map(([key, seq]) => ({ key, seq, pod: this.pods.get(...splitKey(key)) as Pod | undefined }));
    items.sort((a, b) => (b.pod?.spec?.priority ?? 0) - (a.pod?.spec?.priority ?? 0) || a.seq - b.seq);
    for (const { key, pod } of items) {
      if (!pod || pod.spec?.nodeName || !this.responsibleFor(pod)) continue;
      this.scheduleOne(key, pod);
    }
    this.scheduleFlush();
  }

  // ---- one scheduling cycle ----

  private scheduleOne(key: string, pod: Pod): void {
    const obj = pod as unknown as KObject;
    const req = podRequest(pod);
    const shape = shapeKey(pod, req);
    const n = this.nodeOrder.length;
    if (n === 0) return this.fail(key, obj, 'no nodes available to schedule pods');
    let claims: PodClaims | undefined;
    if (VolumeBinding.uses(pod)) {
      const c = this.volumeBinding.preFilter(pod);
      if (typeof c === 'string') return this.fail(key, obj, this.preFilterMessage(pod, c));
      if (c.provisioning) return this.waitForVolumes(key);
      claims = c;
    }
    const cached = claims ? undefined : this.failureCache.get(shape);
    if (cached && cached.gen === this.clusterGen) return this.fail(key, obj, this.fitMessage(pod, cached.reasons, cached.unresolvable));

    const statics = this.staticVerdicts(shape, pod);
    const want = numFeasibleNodesToFind(n);
    const feasible: NodeInfo[] = [];
    const reasons = new Map<string, number>();
    let unresolvable = 0;
    let processed = 0;
    for (let i = 0; i < n && feasible.length < want; i++) {
      const idx = (this.nextStartNodeIndex + i) % n;
      const info = this.nodeOrder[idx];
      processed++;
      const s = statics[idx];
      if (s) {
        reasons.set(s, (reasons.get(s) ?? 0) + 1);
        unresolvable++;
        continue;
      }
      if (req.hostPorts.length && portsConflict(req, info)) {
        reasons.set(MSG_PORTS, (reasons.get(MSG_PORTS) ?? 0) + 1);
        continue;
      }
      const fit = fitReasons(req, info);
      if (fit.length) {
        for (const r of fit) reasons.set(r, (reasons.get(r) ?? 0) + 1);
        continue;
      }
      // VolumeBinding filters after the resource checks, as kube-scheduler orders its plugins.
      const volumes = claims ? this.volumeBinding.filter(claims, info.node) : '';
      if (volumes) {
        reasons.set(volumes, (reasons.get(volumes) ?? 0) + 1);
        unresolvable++;
        continue;
      }
      feasible.push(info);
    }
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % n;
    if (feasible.length === 0) {
      if (!claims) this.failureCache.set(shape, { gen: this.clusterGen, reasons, unresolvable });
      return this.fail(key, obj, this.fitMessage(pod, reasons, unresolvable));
    }
    const chosen = this.selectHost(pod, req, feasible);
    // PreBind: the pod is bound once its claims are (a provisioned volume takes a few seconds).
    if (claims && !this.volumeBinding.preBind(this.ctx.api, claims, chosen.node)) return this.waitForVolumes(key);
    try {
      bindPod(this.ctx.api, obj.metadata.namespace!, obj.metadata.name!, chosen.name);
    } catch {
      return; // deleted or bound meanwhile: the informer will tell us what happened
    }
    this.record(obj, 'Normal', 'Scheduled', `Successfully assigned ${obj.metadata.namespace}/${obj.metadata.name} to ${chosen.name}`);
  }

  private staticVerdicts(shape: string, pod: Pod): string[] {
    let v = this.staticCache.get(shape);
    if (!v) {
      v = this.nodeOrder.map((info) => staticFilter(pod, info.node));
      if (this.staticCache.size > 1000) this.staticCache.clear();
      this.staticCache.set(shape, v);
    }
    return v;
  }

  private selectHost(pod: Pod, req: PodRequest, feasible: NodeInfo[]): NodeInfo {
    const taintCounts = feasible.map((f) => (f.node.spec?.taints?.length ? intolerablePreferNoSchedule(pod, f.node) : 0));
    const maxTaint = Math.max(...taintCounts);
    const hasPreferred = !!pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length;
    const affinity = hasPreferred ? feasible.map((f) => preferredAffinityWeight(pod, f.node)) : undefined;
    const maxAffinity = affinity ? Math.max(...affinity) : 0;
    let best: NodeInfo = feasible[0];
    let bestScore = -1;
    let ties = 0;
    for (let i = 0; i < feasible.length; i++) {
      const info = feasible[i];
      let score = leastAllocatedScore(req, info) + balancedAllocationScore(req, info);
      score += 3 * (maxTaint === 0 ? 100 : 100 - Math.floor((taintCounts[i] * 100) / maxTaint));
      if (affinity && maxAffinity > 0) score += 2 * Math.floor((affinity[i] * 100) / maxAffinity);
      if (score > bestScore) {
        bestScore = score;
        best = info;
        ties = 1;
      } else if (score === bestScore) {
        ties++;
        if (this.rng.int(0, ties - 1) === 0) best = info;
      }
    }
    return best;
  }

  /** kube-scheduler's FitError text, with the default preemption plugin's postfix. */
  private fitMessage(pod: Pod, reasons: Map<string, number>, unresolvable: number): string {
    const n = this.nodeOrder.length;
    const items = [...reasons].map(([r, c]) => `${c} ${r}`).sort();
    let msg = `0/${n} nodes are available: ${items.join(', ')}.`;
    if (pod.spec?.preemptionPolicy === 'Never') return `${msg} preemption: not eligible due to preemptionPolicy=Never.`;
    const post: string[] = [];
    if (unresolvable) post.push(`${unresolvable} Preemption is not helpful for scheduling`);
    if (n - unresolvable) post.push(`${n - unresolvable} No preemption victims found for incoming pod`);
    msg += ` preemption: 0/${n} nodes are available: ${post.sort().join(', ')}..`;
    return msg;
  }

  /** A PreFilter rejection: the plugin's own message, for every node alike. */
  private preFilterMessage(pod: Pod, reason: string): string {
    const n = this.nodeOrder.length;
    const msg = `0/${n} nodes are available: ${reason}.`;
    if (pod.spec?.preemptionPolicy === 'Never') return `${msg} preemption: not eligible due to preemptionPolicy=Never.`;
    return `${msg} preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling..`;
  }

  /** The pod's claims are being bound: look again in a second (PreBind's poll). */
  private waitForVolumes(key: string): void {
    this.ctx.clock.after(1000, () => this.enqueue(key), SCHEDULER_NAME);
  }

  private fail(key: string, obj: KObject, message: string): void {
    const now = this.ctx.clock.now();
    const w = this.unschedulable.get(key);
    this.unschedulable.set(key, { attempts: (w?.attempts ?? 0) + 1, lastAttempt: now });
    this.record(obj, 'Warning', 'FailedScheduling', message);
    this.writeCondition(obj, { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: this.ctx.clock.timestamp(), reason: 'Unschedulable', message });
  }

  private markGated(obj: KObject): void {
    this.writeCondition(obj, { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: this.ctx.clock.timestamp(), reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' });
  }

  private writeCondition(obj: KObject, condition: PodCondition): void {
    const status = (obj.status ?? {}) as { phase?: string; conditions?: PodCondition[] };
    const conditions = setCondition(status.conditions ?? [], condition);
    if (conditions === status.conditions) return;
    try {
      this.ctx.api.updateStatus('pods', obj.metadata.namespace, { ...obj, status: { phase: 'Pending', ...status, conditions } });
    } catch {
      // The pod went away meanwhile.
    }
  }
}

/** percentageOfNodesToScore's adaptive default: all nodes below 100, then a shrinking share. */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes;
  const percentage = Math.max(5, 50 - Math.floor(numAllNodes / 125));
  return Math.max(100, Math.floor((numAllNodes * percentage) / 100));
}

/** Pods with the same shape get the same static verdicts and the same failure. */
function shapeKey(pod: Pod, req: PodRequest): string {
  const s = pod.spec;
  return JSON.stringify([s?.nodeSelector, s?.affinity?.nodeAffinity, s?.tolerations, s?.nodeName, req.cpu, req.memory, req.hostPorts, s?.preemptionPolicy]);
}

function byCreation(a: KObject, b: KObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion);
}
