/**
 * Per-kind behaviour of the api-server, as in Kubernetes' registry "strategies":
 * defaulting (plus the admission plugins that fill fields), validation on create and update.
 */
import type { Clock } from '../clock';
import type { KObject } from '../object';
import type { Rng } from '../rng';
import type { FieldError } from '../api/errors';

export interface StrategyContext {
  clock: Clock;
  /** The api-server's own random stream (uids, generated names, cluster IPs). */
  rng: Rng;
  /** Read access to stored objects, e.g. to allocate a free cluster IP. */
  list(resource: string, namespace?: string): KObject[];
}

export interface KindStrategy {
  /** Fills in server defaults on a private copy (mutate `obj` in place). Runs on create and update. */
  default?(obj: KObject, ctx: StrategyContext): void;
  /** Extra defaults only on create (admission: service account volume, cluster IP, …). */
  prepareCreate?(obj: KObject, ctx: StrategyContext): void;
  /**
   * Only on update, before `default`: carries server-owned values over from the stored
   * object (a Service's cluster IP and node ports) and allocates what the new spec needs.
   */
  prepareUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): void;
  validate?(obj: KObject): FieldError[];
  validateUpdate?(obj: KObject, old: KObject): FieldError[];
  /** The kind has a status subresource: main-resource writes keep the old status. */
  hasStatus?: boolean;
  /** metadata.generation is tracked (bumped when spec changes). */
  tracksGeneration?: boolean;
}
