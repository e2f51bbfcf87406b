/**
 * A describer: the text `kubectl describe` prints for one object of its kind, reading what else
 * it needs (events, pods, quotas) from the source. Registered per GroupKind, one file per API
 * group (`groups/<group>.ts`), as kubectl's `describerMap`; a kind without one gets the generic
 * describer, as kubectl falls back to `GenericDescriberFor`.
 */
import type { KObject } from '../../sim/core/object';
import type { KubeClient } from '../client';
import { eventsFor } from './writer';

/** What describe reads through the api client: lists, and the time ages are measured at. */
export type DescribeSource = Pick<KubeClient, 'list' | 'now'>;

/** kubectl's DescriberSettings: the flags every describer honours. */
export interface DescriberSettings {
  /** `--show-events` (default true): false leaves the Events section out. */
  showEvents: boolean;
}

export const DEFAULT_DESCRIBER_SETTINGS: DescriberSettings = { showEvents: true };

export type Describer = (obj: KObject, source: DescribeSource, settings: DescriberSettings) => string;

export interface GroupDescribers {
  /** '' for core. */
  group: string;
  describers: Record<string, Describer>;
  /** Served kinds kubectl 1.32 has no describer for: they use the generic one, on purpose. */
  generic: string[];
}

/** The events about `obj`, as describe lists them; none looked up without `--show-events`. */
export function eventsOf(source: DescribeSource, obj: KObject, settings: DescriberSettings): KObject[] | undefined {
  if (!settings.showEvents) return undefined;
  return eventsFor(source.list('events', obj.metadata.namespace ?? 'default'), obj);
}
