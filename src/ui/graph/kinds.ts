/**
 * The kinds the graph draws as cards above the node boxes, read from the kind definitions'
 * graph placement (`sim/kinds/<group>/<kind>.ts`): the resource the mirror keeps them under, the
 * chip shown on the card, the order of columns created in the same second, and how they connect
 * (a ReplicaSet stacks under its Deployment and owns pods; an EndpointSlice stacks under its
 * Service and routes to the pods it lists). Every other
 * object heads a column of its own.
 */
import { KINDS } from '../../sim/kinds';

/** A kind name (`Deployment`); the card's CSS class is `kp-kind-<kind lower-cased>`. */
export type WorkloadKind = string;

export interface KindInfo {
  kind: WorkloadKind;
  resource: string;
  /** The chip on the card, as `kubectl get` abbreviates the resource. */
  abbrev: string;
  /** Whether it controls pods: a pod whose controller is none of these in the cluster is an orphan. */
  ownsPods: boolean;
  /** The kind whose card this one stacks under, by controller reference. */
  stacksUnder?: WorkloadKind;
  /** Edges to the pods its `spec.selector` matches. */
  selectsPods: boolean;
  /** Edges to the pods its endpoints name: solid while ready, dashed while not (an EndpointSlice). */
  routesToPods: boolean;
  /** Edges to the Services its backends name (an Ingress). */
  routesToServices: boolean;
  /** Edges to its bound PersistentVolume and to the pods that mount it (a claim). */
  claimsVolume: boolean;
  /** An edge to the node box its node affinity names (a local volume). */
  pinnedToNode: boolean;
  /** Drawn only while pods use it, with edges to them (a ConfigMap, a Secret: ./config-refs.ts). */
  configuresPods: boolean;
}

const cards = KINDS.flatMap((k) => (k.graph.draw === 'card' ? [{ k, g: k.graph }] : [])).sort((a, b) => a.g.order - b.g.order);

/** In tie order: the order cards of one second get their columns, and the order they are drawn. */
export const WORKLOAD_KINDS: readonly KindInfo[] = cards.map(({ k, g }) => ({
  kind: k.kind,
  resource: k.plural,
  abbrev: g.abbrev,
  ownsPods: !!g.ownsPods,
  stacksUnder: g.stacksUnder,
  selectsPods: !!g.selectsPods,
  routesToPods: !!g.routesToPods,
  routesToServices: !!g.routesToServices,
  claimsVolume: !!g.claimsVolume,
  pinnedToNode: !!g.pinnedToNode,
  configuresPods: !!g.configuresPods,
}));

export const KIND_ABBREV: Readonly<Record<WorkloadKind, string>> = Object.fromEntries(WORKLOAD_KINDS.map((k) => [k.kind, k.abbrev]));

/** Ties objects created in the same second: the table's order. */
export function kindRank(resource: string): number {
  return WORKLOAD_KINDS.findIndex((k) => k.resource === resource);
}
