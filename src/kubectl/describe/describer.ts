/**
 * A describer: the text `kubectl describe` prints for one object of its kind, reading what else
 * it needs (events, pods, quotas) from the source. Registered per GroupKind, one file per API
 * group (`groups/<group>.ts`), as kubectl's `describerMap`; a kind without one gets the generic
 * describer, as kubectl falls back to `GenericDescriberFor`.
 */
import type { Cluster } from '../../sim/cluster';
import type { KObject } from '../../sim/object';

/** The parts of a cluster describe reads: its api and its clock. */
export type DescribeSource = Pick<Cluster, 'api' | 'clock'>;

export type Describer = (obj: KObject, source: DescribeSource) => string;

export interface GroupDescribers {
  /** '' for core. */
  group: string;
  describers: Record<string, Describer>;
  /** Served kinds kubectl 1.32 has no describer for: they use the generic one, on purpose. */
  generic: string[];
}
