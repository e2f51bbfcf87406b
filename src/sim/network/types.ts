/**
 * The seam of the cluster network (DESIGN.md "network"): who sends, what the data path decided,
 * and what every request leaves behind for metrics and the graph. The pieces plug in here:
 * CoreDNS (./dns), kube-proxy (./proxy), NetworkPolicy (./policy), Ingress routing
 * (./ingress), the host outside the cluster and its port-forwards (./host).
 */
import type { NetError } from '../../shell/container-system';

export type { NetError };
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** A pod as the network sees it: enough for routing, DNS search paths and policy selectors. */
export interface PodEndpoint {
  namespace: string;
  name: string;
  ip: string;
  nodeName: string;
  labels: Readonly<Record<string, string>>;
}

/** Who opens a connection: a process in a pod, or the learner's machine outside the cluster. */
export type Origin = { kind: 'pod'; pod: PodEndpoint } | { kind: 'host' };

/** Where a connection went once DNS, kube-proxy and policy had their say. */
export interface Delivery {
  /** The pod that accepts it. */
  pod: PodEndpoint;
  port: number;
  /** The Service (namespace/name) kube-proxy translated it through, if any. */
  service?: string;
  /** How it entered the cluster when it came from outside a pod. */
  via?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Ingress' | 'PortForward';
}

/** One request as the UI draws it and metrics count it: client → Service → chosen pod. */
export interface TrafficEvent {
  /** Virtual ms. */
  at: number;
  /** `namespace/name` of the client pod, or `host`. */
  from: string;
  /** `namespace/name` of the Service it went through. */
  service?: string;
  /** `namespace/name` of the Ingress that routed it. */
  ingress?: string;
  /** `namespace/name` of the pod that answered. */
  to?: string;
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** Why it failed, when it did. */
  error?: NetError | 'NXDOMAIN';
  /** NetworkPolicy dropped it (the sender's egress or the receiver's ingress): it times out. */
  dropped?: true;
}

/**
 * NetworkPolicy's verdict on one connection (./policy): may `from` (a pod, or an outside IP)
 * reach `to` on `port`/`protocol`? Both ends' policies count (egress of the sender, ingress of
 * the receiver); a pod no policy selects allows everything.
 */
export type PolicyCheck = (from: PodEndpoint | { ip: string }, to: PodEndpoint, port: number, protocol: Protocol) => boolean;

/** Ingress routing's answer for one HTTP request (./ingress): the backend Service and port, or none (404). */
export interface IngressRoute {
  /** `namespace/name` of the Ingress whose rule matched. */
  ingress: string;
  service: { namespace: string; name: string; port: { number?: number; name?: string } };
  /** The path the backend sees (after nginx.ingress.kubernetes.io/rewrite-target). */
  path: string;
}
