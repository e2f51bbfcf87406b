/**
 * Requests on the graph, the pure part: which cards, edges and pod cells a recent request lights
 * up, and in which look. A request goes client → (Ingress →) Service → EndpointSlice → the pod
 * kube-proxy chose; every hop it took pulses briefly, so repeated calls show load balancing.
 * Failures look apart: refused (no ready endpoint, nothing listening), timed out (NetworkPolicy
 * dropped it), NXDOMAIN (an unknown name), an HTTP error status.
 *
 * The graph is not re-derived for this: `withTrafficNodes`/`withTrafficEdges` add CSS classes to
 * the few nodes and edges concerned (the rest keep their identity), and CSS animates them.
 */
import type { Edge } from '@xyflow/react';
import type { TrafficEvent } from '../../sim/network/types';
import type { Phase, Pulse } from '../store/traffic';
import type { GraphNode } from './graph-types';

export type Outcome = 'ok' | 'http-error' | 'refused' | 'timeout' | 'nxdomain' | 'unreachable';

export function outcomeOf(e: TrafficEvent): Outcome {
  switch (e.error) {
    case 'NXDOMAIN':
      return 'nxdomain';
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
      return 'unreachable';
    default:
      // 0: the connection closed before any answer (a port-forward to nothing).
      return e.status !== undefined && (e.status === 0 || e.status >= 400) ? 'http-error' : 'ok';
  }
}

/**
 * Where along the way a hop is: the sender, the Ingress, the Service (and its edge to the slice),
 * the EndpointSlice (and its edge to the pod), the pod. Each pulses a little after the one before,
 * so the eye follows the request.
 */
export const HOP = { sender: 0, ingress: 1, service: 2, slice: 3, pod: 4 } as const;

/** The classes one hop gets: `kp-traffic kp-traffic-<outcome> kp-traffic-<phase> kp-traffic-hop<n>` (+ `kp-traffic-client` for the sender). */
export function trafficClass(outcome: Outcome, phase: Phase, hop: number): string {
  return `kp-traffic kp-traffic-${outcome} kp-traffic-${phase} kp-traffic-hop${hop}${hop === HOP.sender ? ' kp-traffic-client' : ''}`;
}

/** What is lit now: classes by card id, edge id and pod id; the host's, when it sent. */
export interface TrafficMarks {
  cards: ReadonlyMap<string, string>;
  edges: ReadonlyMap<string, string>;
  pods: ReadonlyMap<string, string>;
  host: string | undefined;
  /** The latest request still showing. */
  latest: Pulse | undefined;
}

export const NO_MARKS: TrafficMarks = { cards: new Map(), edges: new Map(), pods: new Map(), host: undefined, latest: undefined };

/** The path a Service's traffic takes to one pod (or to the box drawing it, when edges are per box). */
interface Route {
  slice: string;
  /** Service → EndpointSlice. */
  owns: string | undefined;
  /** EndpointSlice → pod (or box). */
  endpoint: string;
}

/** Routes by `serviceCardId|podOrBoxId`, read off the drawn edges (built once per graph). */
export type RouteIndex = ReadonlyMap<string, Route>;

export function routeIndex(edges: readonly Edge[]): RouteIndex {
  const serviceOf = new Map<string, { service: string; owns: string }>();
  for (const e of edges) {
    if (e.id.startsWith('owns:services:') && e.target.startsWith('endpointslices:')) serviceOf.set(e.target, { service: e.source, owns: e.id });
  }
  const routes = new Map<string, Route>();
  for (const e of edges) {
    if (!e.id.startsWith('endpoint:')) continue;
    const svc = serviceOf.get(e.source);
    if (!svc) continue;
    const target = (e.data as { pod?: string } | undefined)?.pod ?? e.target;
    routes.set(`${svc.service}|${target}`, { slice: e.source, owns: svc.owns, endpoint: e.id });
  }
  return routes;
}

export const podCardId = (key: string) => `pod:${key}`;
export const serviceCardId = (key: string) => `services:${key}`;
export const ingressCardId = (key: string) => `ingresses:${key}`;

/**
 * The marks of the pulses still showing at `now`; a later request wins a hop both touched.
 * `podBox`: pod id → its box id (a Service's edge may go to the box, for many pods).
 */
export function trafficMarks(pulses: readonly Pulse[], now: number, routes: RouteIndex, podBox: ReadonlyMap<string, string>): TrafficMarks {
  const cards = new Map<string, string>();
  const edges = new Map<string, string>();
  const pods = new Map<string, string>();
  let host: string | undefined;
  let latest: Pulse | undefined;
  for (const p of pulses) {
    if (p.until <= now) continue;
    latest = p;
    const { event: e, phase } = p;
    const outcome = outcomeOf(e);
    const sender = trafficClass(outcome, phase.from, HOP.sender);
    if (e.from === 'host') host = sender;
    else pods.set(podCardId(e.from), sender);
    const svc = e.service && serviceCardId(e.service);
    if (e.ingress) {
      const ing = ingressCardId(e.ingress);
      cards.set(ing, trafficClass(outcome, phase.ingress, HOP.ingress));
      if (svc) edges.set(`routes:${ing}->${svc}`, trafficClass(outcome, phase.ingress, HOP.ingress));
    }
    if (svc) cards.set(svc, trafficClass(outcome, phase.service, HOP.service));
    if (!e.to) continue;
    const pod = podCardId(e.to);
    pods.set(pod, trafficClass(outcome, phase.to, HOP.pod));
    const box = podBox.get(pod);
    const route = svc && (routes.get(`${svc}|${pod}`) ?? (box ? routes.get(`${svc}|${box}`) : undefined));
    if (!route) continue;
    const cls = trafficClass(outcome, phase.to, HOP.slice);
    cards.set(route.slice, cls);
    edges.set(route.endpoint, cls);
    if (route.owns) edges.set(route.owns, trafficClass(outcome, phase.service, HOP.service));
  }
  return { cards, edges, pods, host, latest };
}

/** The edges with their traffic classes added; unlit edges keep their identity. */
export function withTrafficEdges(edges: Edge[], marks: TrafficMarks): Edge[] {
  if (marks.edges.size === 0) return edges;
  return edges.map((e) => {
    const cls = marks.edges.get(e.id);
    return cls ? { ...e, className: e.className ? `${e.className} ${cls}` : cls } : e;
  });
}

/** Cards get their class; a box gets the classes of its lit pods (`data.traffic`). Unlit nodes keep their identity. */
export function withTrafficNodes(nodes: GraphNode[], marks: TrafficMarks, podBox: ReadonlyMap<string, string>): GraphNode[] {
  if (marks.cards.size === 0 && marks.pods.size === 0) return nodes;
  const byBox = new Map<string, Record<string, string>>();
  for (const [pod, cls] of marks.pods) {
    const box = podBox.get(pod);
    if (!box) continue;
    let lit = byBox.get(box);
    if (!lit) byBox.set(box, (lit = {}));
    lit[pod] = cls;
  }
  return nodes.map((n): GraphNode => {
    if (n.type === 'box') {
      const lit = byBox.get(n.id);
      return lit ? { ...n, data: { ...n.data, traffic: lit } } : n;
    }
    const cls = marks.cards.get(n.id);
    return cls ? { ...n, className: n.className ? `${n.className} ${cls}` : cls } : n;
  });
}

/**
 * "client → svc/web → web-7d4b9-x2lqp · 200": the latest request, in words. Without the sender
 * (`from: false`) when something else shows it: "→ svc/web → … · 200".
 */
export function describeRequest(e: TrafficEvent, from = true): string {
  const name = (key: string) => key.slice(key.indexOf('/') + 1);
  const hops = [from ? (e.from === 'host' ? 'your machine' : name(e.from)) : ''];
  if (e.ingress) hops.push(`ing/${name(e.ingress)}`);
  if (e.service) hops.push(`svc/${name(e.service)}`);
  if (e.to) hops.push(name(e.to));
  const result = e.dropped ? 'dropped by NetworkPolicy (timed out)' : e.error ? RESULT_WORDS[e.error] : e.status === 0 ? 'empty reply' : e.status !== undefined ? String(e.status) : 'connected';
  return `${hops.join(' → ')} · ${result}`.trimStart();
}

const RESULT_WORDS: Record<NonNullable<TrafficEvent['error']>, string> = {
  NXDOMAIN: 'unknown name (NXDOMAIN)',
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
};
