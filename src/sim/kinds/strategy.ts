/**
 * Per-kind behaviour of the api-server, as in Kubernetes' registry "strategies": defaulting,
 * validation on create and update, and how a delete proceeds (graceful, or marking only).
 * What admission plugins add lives in `api/admission/`.
 */
import type { Clock } from '../core/clock';
import type { KObject } from '../core/object';
import type { Rng } from '../core/rng';
import type { FieldError } from '../api/errors';

export interface StrategyContext {
  clock: Clock;
  /** The api-server's own random stream (uids, generated names, cluster IPs). */
  rng: Rng;
  /** Read access to stored objects, e.g. to allocate a free cluster IP. */
  list(resource: string, namespace?: string): KObject[];
}

/**
 * `T` is the kind's type from kubernetes-types (`ConfigMap & KObject`): objects reach a strategy
 * decoded against the kind's schema, so their fields have those types (still optional, maybe null).
 */
export interface KindStrategy<T extends KObject = KObject> {
  /** Fills in server defaults on a private copy (mutate `obj` in place). Runs on create and update. */
  default?(obj: T, ctx: StrategyContext): void;
  /**
   * Extra defaults only on create (a Service's cluster IP, …). Returns what could not be
   * allocated: reported after validation's own errors, as the REST storage does.
   */
  prepareCreate?(obj: T, ctx: StrategyContext): FieldError[] | void;
  /**
   * Only on update, before `default`: carries server-owned values over from the stored
   * object (a Service's cluster IP and node ports) and allocates what the new spec needs.
   * Returns allocation errors, like `prepareCreate`.
   */
  prepareUpdate?(obj: T, old: T, ctx: StrategyContext): FieldError[] | void;
  validate?(obj: T): FieldError[];
  validateUpdate?(obj: T, old: T): FieldError[];
  /**
   * CheckGracefulDelete: how many seconds a DELETE leaves the object to whoever stops it (a
   * pod's kubelet) before it is removed; 0 removes it at once. Kinds without it never wait.
   */
  gracePeriod?(obj: T, requested: number | undefined): number;
  /**
   * A DELETE that only marks the object as going away: returns it as it is to be stored (a
   * Namespace turns Terminating; the namespace controller empties and removes it).
   */
  markDeleting?(old: T, ctx: StrategyContext): KObject;
  /**
   * A deleting object without metadata.finalizers is removed by the update that empties them,
   * unless this holds it (ShouldDeleteDuringUpdate: a Namespace stays until spec.finalizers is empty).
   */
  holdsDeletion?(obj: T): boolean;
  /** The kind has a status subresource: main-resource writes keep the old status. */
  hasStatus?: boolean;
  /** metadata.generation is tracked (bumped when spec changes). */
  tracksGeneration?: boolean;
}
