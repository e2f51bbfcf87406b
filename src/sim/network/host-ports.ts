/**
 * The learner's machine's `localhost` ports: `kubectl port-forward` binds one (and says
 * "Handling connection for 8080" on each connection), the host shell's `curl localhost:8080`
 * and the UI's browser panel reach the pod behind it. One table per cluster (cluster.hostPorts).
 */

/** What a forwarded local port leads to: a pod's port (a Service is resolved to one pod when the forward starts, as kubectl does). */
export interface PortForwardTarget {
  namespace: string;
  pod: string;
  port: number;
}

interface Binding {
  target: PortForwardTarget;
  onConnection: () => void;
  onRefused?: () => void;
}

export class HostPorts {
  private readonly bound = new Map<number, Binding>();
  private readonly watchers = new Set<() => void>();

  /**
   * Binds `localPort`; the returned function releases it. 'EADDRINUSE' when another forward holds it.
   * `onRefused`: a connection found nothing listening on the pod's port (see `refused`).
   */
  listen(localPort: number, target: PortForwardTarget, onConnection: () => void = () => undefined, onRefused?: () => void): 'EADDRINUSE' | (() => void) {
    if (this.bound.has(localPort)) return 'EADDRINUSE';
    const binding = { target, onConnection, onRefused };
    this.bound.set(localPort, binding);
    this.changed();
    return () => {
      if (this.bound.get(localPort) !== binding) return;
      this.bound.delete(localPort);
      this.changed();
    };
  }

  /** A connection to `localhost:localPort`: the target (telling its forward), or undefined (refused). */
  connect(localPort: number): PortForwardTarget | undefined {
    const b = this.bound.get(localPort);
    b?.onConnection();
    return b?.target;
  }

  /**
   * The data path found nothing listening on the target's port for a connection to `localPort`
   * (the client sees an empty reply): the forward hears the kubelet's error, and kubectl
   * port-forward ends with "lost connection to pod".
   */
  refused(localPort: number): void {
    this.bound.get(localPort)?.onRefused?.();
  }

  /** Looks without connecting (the UI's list of open forwards). */
  lookup(localPort: number): PortForwardTarget | undefined {
    return this.bound.get(localPort)?.target;
  }

  list(): Array<[number, PortForwardTarget]> {
    return [...this.bound].map(([port, b]) => [port, b.target]);
  }

  /** Calls `fn` whenever a port is bound or released; returns the unsubscribe. */
  subscribe(fn: () => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  private changed(): void {
    for (const fn of this.watchers) fn();
  }
}
