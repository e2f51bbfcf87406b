/**
 * Whether each kubelet is posting node status. The real kubelet renews its Lease in
 * kube-node-lease every 10 s and the node-lifecycle controller notices when renewals stop; here
 * a kubelet says when it stops and starts (its node container was stopped or started), so a
 * cluster whose kubelets all run has no heartbeat timers at all.
 */
export type HeartbeatListener = (node: string, stoppedAt: number | undefined) => void;

export class NodeHeartbeats {
  private readonly stopped = new Map<string, number>();
  private readonly listeners: HeartbeatListener[] = [];

  /** The instant `node`'s kubelet last posted status before it stopped; undefined while it runs. */
  stoppedAt(node: string): number | undefined {
    return this.stopped.get(node);
  }

  stop(node: string, at: number): void {
    if (this.stopped.has(node)) return;
    this.stopped.set(node, at);
    for (const l of this.listeners) l(node, at);
  }

  resume(node: string): void {
    if (!this.stopped.delete(node)) return;
    for (const l of this.listeners) l(node, undefined);
  }

  onChange(listener: HeartbeatListener): void {
    this.listeners.push(listener);
  }
}
