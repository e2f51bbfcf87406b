/**
 * The cluster network (DESIGN.md "network"): where a packet from a pod or from the learner's
 * machine ends up. `route` follows the real path — loopback and the pod's own IP; kube-proxy's
 * rules for ClusterIPs, LoadBalancer IPs and NodePorts on node IPs (./proxy); pod IPs across
 * nodes (kindnet's routes); hostNetwork pods on their node's IP; the host's localhost ports of
 * `kubectl port-forward` — then NetworkPolicy's verdict on the pod it reaches (a seam:
 * `setPolicy`), then the container listening there. CoreDNS answers queries that reach a pod
 * listening on 53 (./dns). Every request is counted on `traffic`.
 *
 * What a process sees of all this is `systemFor(origin)` (./net-system.ts); `request` is the
 * same in one call.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { NodeSpec } from '../context';
import type { Rng } from '../core/rng';
import type { SharedInformers } from '../informers/shared-informers';
import type { Kubelet } from '../kubelet/kubelet';
import type { PodSandbox } from '../kubelet/exec/sandbox';
import type { HostPorts } from './host-ports';
import { KubeProxy } from './proxy/kube-proxy';
import { ServiceTable, type Backend, type Frontend } from './proxy/service-table';
import { TrafficStream } from './traffic';
import type { IngressRoute, NetError, PodEndpoint, PolicyCheck, Protocol } from './types';
import { PodIndex } from './pod-index';

/** Who sends, as routing needs it: the pod (its sandbox) or the host. */
export type Source = { kind: 'pod'; sandbox: PodSandbox; endpoint: PodEndpoint } | { kind: 'host' };

/** Where a connection arrived: a pod's port, and how it got there. */
export interface Target {
  sandbox: PodSandbox;
  pod: PodEndpoint;
  port: number;
  /** `namespace/name` of the Service kube-proxy translated through. */
  service?: string;
  via: 'Loopback' | 'PodIP' | 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'PortForward' | 'HostNetwork' | 'HostPort';
  /** The source address the pod sees (policy's `from` for traffic from outside pods). */
  sourceIP: string;
  /** The host's port whose `kubectl port-forward` carried it (via PortForward). */
  localPort?: number;
}

/** An ingress controller's verdict on one HTTP request: the backend, and its own replies. */
export interface IngressDecision {
  /** The Service port and path the request goes to; undefined: no rule matched (`notFound`). */
  route: IngressRoute | undefined;
  /** The controller's own answers: no rule matched; the backend has no ready endpoint. */
  notFound: { status: number; body: string };
  noEndpoints: { status: number; body: string };
}

/**
 * The ingress controllers (../ingress) as the data path meets them: a Gateway address on the
 * kind network (cloud-provider-kind) answers before any other routing; a controller pod
 * (ingress-nginx, reached by hostPort, NodePort or a Service) routes what reached it.
 */
export interface IngressControllers {
  atAddress(ip: string, port: number, hostHeader: string, path: string): IngressDecision | undefined;
  atPod(pod: PodEndpoint, port: number, hostHeader: string, path: string): IngressDecision | undefined;
}

export interface NetworkDeps {
  informers: SharedInformers;
  kubelets: ReadonlyMap<string, Kubelet>;
  nodes: readonly NodeSpec[];
  rng: Rng;
  now: () => number;
  hostPorts: HostPorts;
}

/** The learner's machine on kind's docker network. */
export const HOST_IP = '172.18.0.1';
const POD_CIDR = /^10\.244\./;
/** kind's ingress guide creates the cluster with extraPortMappings for 80 and 443 on the control plane. */
const EXTRA_PORT_MAPPINGS = [80, 443];

export class ClusterNetwork {
  readonly table = new ServiceTable();
  readonly proxy: KubeProxy;
  readonly traffic = new TrafficStream();
  private policy: PolicyCheck | undefined;
  private ingress: IngressControllers | undefined;
  readonly pods: PodIndex;
  private readonly nodeByIP = new Map<string, NodeSpec>();

  constructor(private readonly deps: NetworkDeps) {
    this.proxy = new KubeProxy(this.table, deps.rng, deps.now);
    for (const n of deps.nodes) this.nodeByIP.set(n.internalIP, n);
    const services = deps.informers.for('services');
    for (const s of services.list()) this.table.setService(s as Service);
    services.onChange((obj, old, type) => {
      if (type === 'DELETED') this.table.deleteService(`${obj.metadata.namespace}/${obj.metadata.name}`);
      else this.table.setService(obj as Service);
    });
    const slices = deps.informers.for('endpointslices');
    for (const s of slices.list()) this.table.setSlice(s as unknown as EndpointSlice);
    slices.onChange((obj, old, type) => {
      if (old) this.table.deleteSlice(old as unknown as EndpointSlice);
      if (type !== 'DELETED') this.table.setSlice(obj as unknown as EndpointSlice);
    });
    this.pods = new PodIndex(deps.informers, deps.kubelets);
  }

  /** NetworkPolicy's check on every connection that reaches a pod (undefined: all allowed). */
  setPolicy(check: PolicyCheck | undefined): void {
    this.policy = check;
  }

  setIngress(controllers: IngressControllers | undefined): void {
    this.ingress = controllers;
  }

  get ingressControllers(): IngressControllers | undefined {
    return this.ingress;
  }

  /**
   * A port-forwarded connection found nothing listening in the pod: kubectl had accepted it, so
   * the client sees an empty reply, and the forward hears the kubelet's error.
   */
  forwardRefused(localPort: number): void {
    this.deps.hostPorts.refused(localPort);
  }

  /** The nodes (kind's containers on the docker network). */
  nodes(): readonly NodeSpec[] {
    return this.deps.nodes;
  }

  /** A connection an in-cluster proxy (an ingress controller) opens to a Service port. */
  toService(f: Frontend, clientIP: string): Target | NetError {
    return this.through(f, clientIP, { via: 'ClusterIP' });
  }

  /** The node whose IP this is. */
  node(ip: string): NodeSpec | undefined {
    return this.nodeByIP.get(ip);
  }

  /** The running sandbox of the pod with this IP (not hostNetwork ones). */
  podByIP(ip: string): PodSandbox | undefined {
    return this.pods.byPodIP(ip);
  }

  /** The running sandbox of pod `namespace/name`. */
  podByName(namespace: string, name: string): PodSandbox | undefined {
    return this.pods.byName(namespace, name);
  }

  /**
   * Where a connection from `from` to `ip:port` goes, or the error the sender sees. Policy is
   * applied to the pod it reaches (blocked: dropped, so a timeout).
   */
  route(from: Source, ip: string, port: number, protocol: Protocol = 'TCP'): Target | NetError {
    const t = this.deliver(from, ip, port, protocol);
    return typeof t === 'object' && 'dropped' in t ? 'ETIMEDOUT' : t;
  }

  /** As `route`, but a connection NetworkPolicy drops still names the pod it was for (the graph shows where it died). */
  deliver(from: Source, ip: string, port: number, protocol: Protocol = 'TCP'): Target | NetError | { dropped: Target } {
    const t = this.path(from, ip, port, protocol);
    if (typeof t === 'string' || !this.policy || t.via === 'Loopback' || t.via === 'PortForward') return t;
    const src = from.kind === 'pod' ? from.endpoint : { ip: t.sourceIP };
    return this.policy(src, t.pod, t.port, protocol) ? t : { dropped: t };
  }

  private path(from: Source, ip: string, port: number, protocol: Protocol): Target | NetError {
    const self = from.kind === 'pod' ? from.sandbox : undefined;
    const clientIP = from.kind === 'pod' ? from.endpoint.ip : HOST_IP;
    if (ip.startsWith('127.')) {
      if (self) return this.at(self, port, 'Loopback', clientIP);
      const fwd = this.deps.hostPorts.connect(port);
      if (!fwd) {
        // kind's ingress-ready config maps the host's 80 and 443 to the control plane's.
        const cp = EXTRA_PORT_MAPPINGS.includes(port) ? this.deps.nodes.find((n) => n.controlPlane) : undefined;
        return (cp && this.viaHostPort(cp.name, port, HOST_IP)) || 'ECONNREFUSED';
      }
      const s = this.podByName(fwd.namespace, fwd.pod);
      if (!s) return 'ECONNREFUSED';
      const t = this.at(s, fwd.port, 'PortForward', '127.0.0.1');
      t.localPort = port;
      return t;
    }
    if (self && ip === self.podIP && !self.pod.spec?.hostNetwork) return this.at(self, port, 'Loopback', clientIP);
    const vip = this.table.vip(ip, port, protocol);
    if (vip) {
      const lb = !this.table.serviceByClusterIP(ip);
      // ClusterIPs exist only in the nodes' iptables: the host has no route to them.
      if (from.kind === 'host' && !lb) return 'ETIMEDOUT';
      return this.through(vip, clientIP, lb ? { via: 'LoadBalancer' } : { via: 'ClusterIP' });
    }
    // A ClusterIP's other ports match no rule (dropped); a load balancer is a container on the
    // kind network (cloud-provider-kind's envoy), whose closed ports refuse.
    if (this.table.isVip(ip)) return this.table.serviceByClusterIP(ip) ? 'ETIMEDOUT' : 'ECONNREFUSED';
    const node = this.nodeByIP.get(ip);
    if (node) {
      const np = this.table.nodePort(port, protocol);
      if (np) return this.through(np, clientIP, { via: 'NodePort', node: node.name });
      const hp = this.viaHostPort(node.name, port, clientIP);
      if (hp) return hp;
      const s = this.pods.hostNetworkListener(node.name, port, this.deps.now());
      return s ? this.at(s, port, 'HostNetwork', clientIP) : 'ECONNREFUSED';
    }
    if (POD_CIDR.test(ip)) {
      // Pod IPs are routed between the nodes (kindnet), not from the learner's machine.
      if (from.kind === 'host') return 'ETIMEDOUT';
      const s = this.podByIP(ip);
      return s ? this.at(s, port, 'PodIP', clientIP) : 'EHOSTUNREACH';
    }
    return 'ETIMEDOUT';
  }

  /** kube-proxy's DNAT to one endpoint of the frontend. */
  private through(f: Frontend, clientIP: string, entry: Parameters<KubeProxy['route']>[2]): Target | NetError {
    const b: Backend | NetError = this.proxy.route(f, clientIP, entry);
    if (typeof b === 'string') return b;
    const node = this.nodeByIP.get(b.ip);
    const s = node ? this.pods.hostNetworkListener(node.name, b.port, this.deps.now()) : this.pods.byPodIP(b.ip);
    // An endpoint on a node's own address (the api-server's) with nothing listening refuses.
    if (!s) return node ? 'ECONNREFUSED' : 'EHOSTUNREACH';
    // Traffic from outside the node is masqueraded to the node's IP unless it stays local.
    const sourceIP = entry.via === 'ClusterIP' || f.externalLocal ? clientIP : (entry.via === 'NodePort' ? this.nodeIPOf(entry.node) : clientIP);
    const t = this.at(s, b.port, entry.via, sourceIP);
    t.service = f.service;
    return t;
  }

  private viaHostPort(node: string, port: number, sourceIP: string): Target | undefined {
    const hp = this.pods.hostPort(node, port);
    return hp ? this.at(hp.sandbox, hp.port, 'HostPort', sourceIP) : undefined;
  }

  private at(s: PodSandbox, port: number, via: Target['via'], sourceIP: string): Target {
    return { sandbox: s, pod: endpointOf(s), port, via, sourceIP };
  }

  private nodeIPOf(name: string): string {
    for (const n of this.nodeByIP.values()) if (n.name === name) return n.internalIP;
    return HOST_IP;
  }
}

/** A pod as routing, DNS and policy see it. */
export function endpointOf(s: PodSandbox): PodEndpoint {
  const m = s.pod.metadata ?? {};
  return { namespace: m.namespace ?? 'default', name: m.name ?? '', ip: s.podIP ?? '', nodeName: s.pod.spec?.nodeName ?? '', labels: m.labels ?? {} };
}
