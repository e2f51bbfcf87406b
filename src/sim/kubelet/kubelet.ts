/**
 * One kubelet per node: registers the Node, admits pods bound to it, runs each through a
 * PodWorker, keeps the node's image store (pulls are serialized, like serializeImagePulls), and
 * posts node status only when something changes (no heartbeat timers: idle nodes cost nothing).
 * One pod watch per cluster routes pod events to the kubelet of their node. Its node container
 * can be stopped and started (`docker stop|start`): see ./node-restart.ts.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeSpec, SimContext } from '../context';
import type { KObject } from '../core/object';
import type { Rng } from '../core/rng';
import { podRequest } from '../scheduler/resources';
import type { WatchEvent } from '../core/store';
import { Backoff } from './backoff';
import type { ImageInfo, ImageRef } from '../images';
import { LogStore } from './logs';
import { buildNode, nodeIndex, PRELOADED_IMAGES, type NodeImage } from './node-object';
import { PodWorker } from './pod-worker';
import { NodeHeartbeats } from './heartbeats';
import { hadRun, postReady, recordKubeletStart } from './node-restart';
import { asStaticPod, StaticPods } from './static-pods';
import type { PodNetworkOf, PodSandbox } from './exec/sandbox';
import type { NodeRuntime, PullTicket } from './runtime';
import type { ResourceUse } from '../metrics/usage';

export interface Kubelet {
  readonly nodeName: string;
  /** Normalized references of the images present on the node. */
  images(): string[];
  /** Pods this kubelet is running (namespace/name). */
  runningPods(): string[];
  /** The logs of the containers run on this node (what `GET pods/<name>/log` reads). */
  readonly logs: LogStore;
  /** A pod this kubelet runs, as exec reaches it (./exec/sandbox.ts). */
  sandbox(uid: string): PodSandbox | undefined;
  /** The pod this node gave `ip`, if it still runs. */
  sandboxByIP(ip: string): PodSandbox | undefined;
  /** The resource endpoint (`/metrics/resource`): what each running container uses now. */
  stats(): PodStats[];
  /** The pod network, made after the kubelets (its routes read their sandboxes). */
  setNetwork(network: PodNetworkOf): void;
  /** Its node container runs (`docker stop` ends it, `docker start` brings it back). */
  readonly running: boolean;
  /** The node's address, where the api-server reaches the kubelet (port 10250). */
  readonly internalIP: string;
  /** The node container stops: its containers die with it and the kubelet posts nothing more. */
  stop(): void;
  /** The node container starts: the kubelet registers its Node again if it is gone, posts Ready and restarts its pods. */
  start(): void;
}

/** One pod's containers as the kubelet's resource endpoint reports them. */
export interface PodStats {
  namespace: string;
  name: string;
  containers: Array<{ name: string; startedAt: string; use: ResourceUse }>;
}

/**
 * Starts one kubelet per node, each registering its Node, and the pod watch that hands every
 * pod's events to the kubelet of its node. Returns the kubelets by node name.
 */
export function startKubelets(ctx: SimContext, nodes: readonly NodeSpec[], staticManifests?: (node: NodeSpec) => KObject[], heartbeats = new NodeHeartbeats()): ReadonlyMap<string, Kubelet> {
  const kubelets = new Map<string, KubeletImpl>();
  ctx.store.subscribe((e: WatchEvent) => {
    const nodeName = (e.object.spec as { nodeName?: string } | undefined)?.nodeName;
    if (nodeName) kubelets.get(nodeName)?.onPod(e);
  }, 'pods');
  // Volumes that read a ConfigMap or Secret are rewritten after it changes (./lifecycle/mount.ts).
  for (const [resource, kind] of [['configmaps', 'configMap'], ['secrets', 'secret']] as const) {
    ctx.store.subscribe((e: WatchEvent) => {
      for (const k of kubelets.values()) k.onConfig(kind, e.object.metadata.namespace ?? '', e.object.metadata.name!);
    }, resource);
  }
  for (const node of nodes) {
    const k = new KubeletImpl(ctx, node, staticManifests?.(node) ?? [], heartbeats);
    kubelets.set(node.name, k);
    k.register();
  }
  return kubelets;
}

class KubeletImpl implements NodeRuntime, Kubelet {
  readonly clock;
  readonly actor: string;
  readonly logs = new LogStore();
  podNetwork?: PodNetworkOf;
  readonly crashBackoff = new Backoff();
  readonly pullBackoff = new Backoff();
  readonly record: NodeRuntime['record'];
  private readonly rng: Rng;
  private readonly workers = new Map<string, PodWorker>();
  private readonly admitted = new Map<string, { cpu: number; memory: number }>();
  private readonly imageStore = new Map<string, NodeImage>();
  private pullFreeAt = 0;
  private readonly usedIPs = new Set<number>();
  private nextIP = 2;
  private used = { cpu: 0, memory: 0 };

  /** The pods of its manifest folder (the control plane's), when it has any. */
  private readonly staticPods: StaticPods | undefined;

  constructor(
    readonly ctx: SimContext,
    readonly node: NodeSpec,
    staticManifests: readonly KObject[] = [],
    private readonly heartbeats = new NodeHeartbeats(),
  ) {
    this.clock = ctx.clock;
    this.actor = `kubelet (${node.name})`;
    this.startedAt = ctx.clock.now();
    this.rng = ctx.rng.fork(`kubelet/${node.name}`);
    const record = ctx.events.for({ component: 'kubelet', host: node.name });
    this.record = (obj, ...rest) => record(asStaticPod(obj), ...rest);
    for (const img of PRELOADED_IMAGES) for (const n of img.names) this.imageStore.set(n, img);
    this.staticPods = staticManifests.length ? new StaticPods(ctx, node, staticManifests, this.actor) : undefined;
  }

  get nodeName(): string {
    return this.node.name;
  }

  register(): void {
    if (this.ctx.api.tryGet('nodes', undefined, this.node.name)) return;
    this.ctx.api.create('nodes', undefined, buildNode(this.node, this.now(), this.nodeImages()));
    this.staticPods?.start();
  }

  private stopped = false;

  get internalIP(): string {
    return this.node.internalIP;
  }

  get running(): boolean {
    return !this.stopped;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.heartbeats.stop(this.node.name, this.clock.now());
    // The static pods' api-server keeps serving: the playground's control plane never stops.
    const workers = [...this.workers].filter(([, w]) => !this.staticPods?.runs(w.podKey.namespace, w.podKey.name));
    for (const [uid, w] of workers) {
      this.workers.delete(uid);
      w.gone();
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const stoppedAt = this.clock.timestamp(this.heartbeats.stoppedAt(this.node.name) ?? this.clock.now());
    // A new kubelet process: its event recorder starts afresh.
    this.ctx.events.forgetSource({ component: 'kubelet', host: this.node.name });
    this.heartbeats.resume(this.node.name);
    const node = this.ctx.api.tryGet('nodes', undefined, this.node.name);
    if (!node) this.register();
    else postReady(this.ctx, node, this.now());
    const posted = this.ctx.api.tryGet('nodes', undefined, this.node.name);
    if (posted) recordKubeletStart(this.record, posted);
    // Its pods' sandboxes died with the container: each is made again, a moment later.
    this.clock.after(0, () => {
      if (this.stopped) return;
      for (const pod of this.ctx.api.list('pods', undefined, { fieldSelector: `spec.nodeName=${this.node.name}` })) {
        if (this.workers.has(pod.metadata.uid!) || this.staticPods?.owns(pod)) continue;
        if (pod.metadata.deletionTimestamp) {
          this.ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid! } });
          continue;
        }
        const phase = (pod.status as { phase?: string } | undefined)?.phase;
        if (phase === 'Succeeded' || phase === 'Failed' || !this.admit(pod)) continue;
        const w = new PodWorker(this, pod, stoppedAt);
        this.workers.set(pod.metadata.uid!, w);
        if (hadRun(pod)) this.record(pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
        w.start();
      }
    }, this.actor);
  }

  images(): string[] {
    return [...this.imageStore.keys()].sort();
  }

  runningPods(): string[] {
    return [...this.admitted.keys()].sort();
  }

  stats(): PodStats[] {
    const out: PodStats[] = [];
    for (const w of this.workers.values()) {
      const containers = w.usage();
      if (containers.length) out.push({ ...w.podKey, containers });
    }
    return out;
  }

  sandbox(uid: string): PodSandbox | undefined {
    return this.workers.get(uid)?.sandbox();
  }

  setNetwork(network: PodNetworkOf): void {
    this.podNetwork = network;
  }

  sandboxByIP(ip: string): PodSandbox | undefined {
    for (const w of this.workers.values()) {
      const s = w.sandbox();
      if (s.podIP === ip) return s;
    }
    return undefined;
  }

  // ---- pod events ----

  onConfig(kind: 'configMap' | 'secret', namespace: string, name: string): void {
    for (const w of this.workers.values()) if (w.podKey.namespace === namespace) w.configChanged(kind, name);
  }

  onPod(e: WatchEvent): void {
    const obj = e.object;
    const uid = obj.metadata.uid!;
    if (this.staticPods?.owns(obj) && this.staticPods.mirrorEvent(e, this.workers)) return;
    if (this.stopped) return;
    const worker = this.workers.get(uid);
    if (e.type === 'DELETED') {
      if (worker) {
        this.workers.delete(uid);
        worker.gone();
      }
      return;
    }
    if (worker) return worker.update(obj);
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed' || this.pending.has(uid)) return;
    // Never write from inside a watch handler: later watchers would see our write before the
    // event we are handling. The kubelet reacts a moment later, as the real one does.
    this.pending.add(uid);
    this.clock.after(0, () => {
      this.pending.delete(uid);
      if (this.stopped) return;
      const latest = this.ctx.api.tryGet('pods', obj.metadata.namespace, obj.metadata.name!);
      if (!latest || latest.metadata.uid !== uid || this.workers.has(uid)) return;
      if (latest.metadata.deletionTimestamp) {
        // Deleted before it ever started here: nothing to stop.
        this.ctx.api.delete('pods', latest.metadata.namespace, latest.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid } });
        return;
      }
      if (!this.admit(latest)) return;
      const w = new PodWorker(this, latest);
      this.workers.set(uid, w);
      w.start();
    }, this.actor);
  }

  private readonly pending = new Set<string>();
  readonly startedAt: number;
  /** Kubelet admission: a pod bound here directly (spec.nodeName) may not fit. */
  private admit(obj: KObject): boolean {
    const req = podRequest(obj as unknown as Pod);
    const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
    const checks: Array<['cpu' | 'memory', number, number, number]> = [
      ['cpu', req.cpu, this.used.cpu, this.node.cpuMillis],
      ['memory', req.memory, this.used.memory, this.node.memoryBytes],
    ];
    for (const [resource, requested, used, capacity] of checks) {
      if (requested > 0 && used + requested > capacity) {
        const message = `Pod was rejected: Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`;
        const reason = `OutOf${resource}`;
        this.record(obj, 'Warning', reason, `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`);
        this.ctx.api.updateStatus('pods', obj.metadata.namespace, { ...obj, status: { ...(obj.status as object), phase: 'Failed', reason, message, startTime: this.now() } });
        return false;
      }
    }
    this.admitted.set(key, { cpu: req.cpu, memory: req.memory });
    this.used = { cpu: this.used.cpu + req.cpu, memory: this.used.memory + req.memory };
    return true;
  }

  // ---- NodeRuntime ----

  now(): string {
    return this.clock.timestamp();
  }

  sandboxDelay(): number {
    return this.rng.int(300, 900);
  }

  allocateIP(): string {
    let n = this.nextIP;
    while (this.usedIPs.has(n)) n = n >= 254 ? 2 : n + 1;
    this.usedIPs.add(n);
    this.nextIP = n >= 254 ? 2 : n + 1;
    return `10.244.${nodeIndex(this.node) % 256}.${n}`;
  }

  containerId(): string {
    return this.rng.string(64, '0123456789abcdef');
  }

  hasImage(normalized: string): boolean {
    return this.imageStore.has(normalized);
  }

  queuePull(image: ImageInfo | undefined, alreadyPresent: boolean): PullTicket {
    const now = this.clock.now();
    let pullMs: number;
    if (!image) pullMs = this.rng.int(300, 1500);
    else if (alreadyPresent) pullMs = this.rng.int(250, 900); // manifest check only (policy Always)
    else pullMs = 500 + Math.round(image.sizeBytes / (this.rng.int(25, 40) * 1000));
    const begin = Math.max(now, this.pullFreeAt);
    const finishAt = begin + pullMs;
    this.pullFreeAt = finishAt;
    return { finishAt, pullMs, waitedMs: finishAt - now };
  }

  imagePulled(image: ImageInfo, ref: ImageRef): void {
    const tagged = `${image.repository}:${image.tag}`;
    const normalized = ref.normalized;
    if (this.imageStore.has(normalized) && this.imageStore.has(tagged)) return;
    const entry: NodeImage = { names: [`${image.repository}@${image.digest}`, tagged], sizeBytes: image.sizeBytes };
    this.imageStore.set(normalized, entry);
    this.imageStore.set(tagged, entry);
    const node = this.ctx.api.tryGet('nodes', undefined, this.node.name);
    if (!node) return;
    this.ctx.api.updateStatus('nodes', undefined, { ...node, status: { ...(node.status as object), images: this.nodeImages() } });
  }

  podTerminal(namespace: string, name: string): void {
    const key = `${namespace}/${name}`;
    const a = this.admitted.get(key);
    if (!a) return;
    this.admitted.delete(key);
    this.used = { cpu: this.used.cpu - a.cpu, memory: this.used.memory - a.memory };
  }

  released(uid: string, namespace: string, name: string, podIP?: string): void {
    this.workers.delete(uid);
    this.podTerminal(namespace, name);
    if (podIP && podIP !== this.node.internalIP) this.usedIPs.delete(Number(podIP.split('.')[3]));
    this.crashBackoff.resetPrefix(`${uid}/`);
    this.pullBackoff.resetPrefix(`${uid}_`);
    this.logs.removePod(namespace, name);
  }

  /** The node's image list as the kubelet reports it: largest first. */
  private nodeImages(): NodeImage[] {
    const unique = [...new Set(this.imageStore.values())];
    return unique.sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[0] < b.names[0] ? -1 : 1)).map((i) => ({ names: [...i.names], sizeBytes: i.sizeBytes }));
  }
}
