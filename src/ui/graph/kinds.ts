/**
 * The kinds the graph draws above the node boxes, in one table: the resource the mirror keeps
 * them under, the chip shown on the card, and the order of columns created in the same second.
 * A ReplicaSet with a Deployment owner is drawn in that Deployment's column; every other object
 * heads a column of its own.
 */
export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'Service';

export interface KindInfo {
  kind: WorkloadKind;
  resource: string;
  /** The chip on the card, as `kubectl get` abbreviates the resource. */
  abbrev: string;
  /** Whether it controls pods: a pod whose controller is none of these in the cluster is an orphan. */
  ownsPods: boolean;
}

export const WORKLOAD_KINDS: readonly KindInfo[] = [
  { kind: 'Deployment', resource: 'deployments', abbrev: 'deploy', ownsPods: false },
  { kind: 'ReplicaSet', resource: 'replicasets', abbrev: 'rs', ownsPods: true },
  { kind: 'Service', resource: 'services', abbrev: 'svc', ownsPods: false },
];

export const KIND_ABBREV = Object.fromEntries(WORKLOAD_KINDS.map((k) => [k.kind, k.abbrev])) as Record<WorkloadKind, string>;

/** Ties objects created in the same second: the table's order. */
export function kindRank(resource: string): number {
  return WORKLOAD_KINDS.findIndex((k) => k.resource === resource);
}
