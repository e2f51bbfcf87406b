/**
 * The node-lifecycle controller's health monitor (pkg/controller/nodelifecycle): every 5 s it
 * compares each node's last heartbeat with `node-monitor-grace-period` (50 s in 1.32). A node
 * whose kubelet went silent gets every condition `Unknown` ("Kubelet stopped posting node
 * status."), a `NodeNotReady` event, its pods marked not Ready (so they leave endpoints) and
 * the `node.kubernetes.io/unreachable` NoExecute and NoSchedule taints, which the taint
 * eviction controller (./taint-eviction.ts) acts on. When the kubelet posts Ready again, the
 * next pass removes the taints. Heartbeats come from ../../kubelet/heartbeats.ts: only a node
 * that stopped costs a timer.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import type { PodObject } from '../../kinds/apps/workload-types';
import type { NodeHeartbeats } from '../../kubelet/heartbeats';
import { TaintEviction } from './taint-eviction';

/** `--node-monitor-period`. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** `--node-monitor-grace-period`: 50 s since 1.32 (40 s before). */
export const NODE_MONITOR_GRACE_MS = 50_000;
export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';

const ACTOR = 'node-lifecycle-controller';
type NodeObject = Node & KObject;

export class NodeLifecycleController {
  private readonly timers = new Map<string, number>();
  private readonly record;
  readonly eviction: TaintEviction;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
    private readonly heartbeats: NodeHeartbeats,
  ) {
    this.record = ctx.events.for({ component: 'node-controller' });
    this.eviction = new TaintEviction(ctx, informers);
    heartbeats.onChange((node, stoppedAt) => {
      this.cancel(node);
      if (stoppedAt !== undefined) this.monitorAt(node, stoppedAt + NODE_MONITOR_GRACE_MS, () => this.markUnknown(node));
    });
    informers.for('nodes').onChange((obj, _old, type) => {
      const node = obj as NodeObject;
      if (type === 'DELETED') {
        this.cancel(node.metadata.name!);
      } else if (type === 'ADDED') {
        // A node new to the controller (one that joins after start-up), a moment later.
        this.ctx.clock.after(0, () => this.registered(node.metadata.name!), ACTOR);
      } else if (isReady(node) && unreachableTaints(node).length) {
        // The kubelet is back: the next pass lifts the taints.
        this.monitorAt(node.metadata.name!, this.ctx.clock.now(), () => this.markReachable(node.metadata.name!));
      }
    });
  }

  /** The first monitor pass after `due`. */
  private monitorAt(node: string, due: number, fn: () => void): void {
    if (this.timers.has(node)) return;
    const tick = Math.floor(due / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS + NODE_MONITOR_PERIOD_MS;
    this.timers.set(node, this.ctx.clock.at(tick, () => {
      this.timers.delete(node);
      fn();
    }, ACTOR));
  }

  private cancel(node: string): void {
    const t = this.timers.get(node);
    if (t !== undefined) this.ctx.clock.cancel(t);
    this.timers.delete(node);
  }

  private registered(name: string): void {
    const node = this.informers.for('nodes').get(undefined, name);
    if (node) this.record(node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
  }

  private markUnknown(name: string): void {
    const node = this.ctx.api.tryGet('nodes', undefined, name) as NodeObject | undefined;
    if (!node || this.heartbeats.stoppedAt(name) === undefined) return;
    const now = this.ctx.clock.timestamp();
    const conditions = (node.status?.conditions ?? []).map((c) =>
      c.type === 'NetworkUnavailable' || c.status === 'Unknown' ? c : { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now },
    );
    const current = this.ctx.api.updateStatus('nodes', undefined, { ...node, status: { ...node.status, conditions } } as KObject) as NodeObject;
    this.record(current, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    this.markPodsNotReady(name);
    const taints: Taint[] = [
      ...(current.spec?.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT_KEY),
      { key: UNREACHABLE_TAINT_KEY, effect: 'NoExecute', timeAdded: now },
      { key: UNREACHABLE_TAINT_KEY, effect: 'NoSchedule' },
    ];
    this.ctx.api.update('nodes', undefined, { ...current, spec: { ...current.spec, taints } } as KObject);
  }

  /** `MarkPodsNotReady`: each pod's Ready condition False, and a NodeNotReady event on it. */
  private markPodsNotReady(node: string): void {
    const pods = (this.informers.for('pods').list() as PodObject[]).filter((p) => p.spec?.nodeName === node);
    const now = this.ctx.clock.timestamp();
    for (const pod of pods) {
      const conditions = pod.status?.conditions ?? [];
      const ready = conditions.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      try {
        const next = conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
        this.ctx.api.updateStatus('pods', pod.metadata.namespace, { ...pod, status: { ...pod.status, conditions: next } } as KObject);
        this.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }
  }

  private markReachable(name: string): void {
    const node = this.ctx.api.tryGet('nodes', undefined, name) as NodeObject | undefined;
    if (!node || !isReady(node) || unreachableTaints(node).length === 0) return;
    const taints = (node.spec?.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT_KEY);
    const spec = { ...node.spec };
    if (taints.length) spec.taints = taints;
    else delete spec.taints;
    this.ctx.api.update('nodes', undefined, { ...node, spec } as KObject);
  }
}

function isReady(node: NodeObject): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function unreachableTaints(node: NodeObject): Taint[] {
  return (node.spec?.taints ?? []).filter((t) => t.key === UNREACHABLE_TAINT_KEY);
}

export function startNodeLifecycleController(ctx: SimContext, informers: SharedInformers, heartbeats: NodeHeartbeats): NodeLifecycleController {
  return new NodeLifecycleController(ctx, informers, heartbeats);
}
