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
}

export const WORKLOAD_KINDS: readonly KindInfo[] = [
  { kind: 'Deployment', resource: 'deployments', abbrev: 'deploy' },
  { kind: 'ReplicaSet', resource: 'replicasets', abbrev: 'rs' },
  { kind: 'Service', resource: 'services', abbrev: 'svc' },
];

export const KIND_ABBREV = Object.fromEntries(WORKLOAD_KINDS.map((k) => [k.kind, k.abbrev])) as Record<WorkloadKind, string>;

/** Kinds whose objects own pods (a pod owned by none of them present in the cluster is an orphan). */
export const POD_OWNER_RESOURCES: readonly string[] = ['replicasets'];
