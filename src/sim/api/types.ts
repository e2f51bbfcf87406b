/** Request options of the simulated api-server, named as in the REST API. */
export interface WriteOptions {
  /** `dryRun=All`: run the whole pipeline but store nothing. */
  dryRun?: boolean;
  fieldManager?: string;
  /**
   * Set by clients that send a serialised body (kubectl sends `Strict`): the body is size-checked
   * and, when `Strict`, unknown fields and wrong types are rejected. In-process controllers leave it
   * unset — their objects are built in code, and checking every write would dominate the sim's cost.
   */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /**
   * In-process callers that build a fresh body and never touch it again (the event recorder, the
   * ReplicaSet controller's pods) hand it over: the api-server uses it instead of a deep copy.
   */
  bodyOwned?: boolean;
}

export interface ListOptions {
  /** `-l` syntax: `app=web,tier in (a,b),!canary`. */
  labelSelector?: string;
  /** `metadata.name=x,status.phase=Running`. */
  fieldSelector?: string;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: PropagationPolicy;
  /** Pods only: 0 deletes at once (force). Default: the pod's terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'merge' | 'strategic' | 'json';
