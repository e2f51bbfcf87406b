/**
 * The shape of a lesson once loaded: plain data the UI renders and the evaluator checks.
 * `lessons/README.md` documents the YAML these types are read from.
 */

/** Who a check looks at: a kind as a learner writes it (`Pod`, `deployment`, `rs`, `deployments.apps`). */
export interface ObjectRef {
  kind: string;
  name: string;
  /** Defaults to `default` for namespaced kinds. */
  namespace?: string;
}

/** How a number is compared with the expected `count`. */
export type CountOp = 'eq' | 'gte' | 'lte';

interface CheckBase {
  /** Unique within the step; defaults to `<step id>-<index>` when the YAML omits it. */
  id: string;
  /** What the learner reads in the panel, e.g. "A Pod named nginx exists". */
  description: string;
}

/** The object exists (and is not being deleted). */
export interface ExistsCheck extends CheckBase, ObjectRef {
  type: 'exists';
}

/** The object does not exist (an object still terminating counts as present). */
export interface AbsentCheck extends CheckBase, ObjectRef {
  type: 'absent';
}

/**
 * A field of the object equals `value` (deep equality on JSON). `path` is dotted with
 * optional `[index]` and `["key.with.dots"]` parts: `spec.template.spec.containers[0].image`,
 * `metadata.labels["app.kubernetes.io/name"]`.
 */
export interface FieldEqualsCheck extends CheckBase, ObjectRef {
  type: 'fieldEquals';
  path: string;
  value: unknown;
}

/** Counts pods matching `selector` (the `-l` grammar) and, optionally, a phase or STATUS column. */
export interface PodCountCheck extends CheckBase {
  type: 'podCount';
  selector?: string;
  namespace?: string;
  /** `status.phase`: Pending | Running | Succeeded | Failed | Unknown. */
  phase?: string;
  /** The STATUS column of `kubectl get pods`: Running, Terminating, CrashLoopBackOff, … */
  status?: string;
  count: number;
  op: CountOp;
}

/** Counts objects of a kind, optionally by `-l` selector and/or name prefix. */
export interface ObjectCountCheck extends CheckBase {
  type: 'objectCount';
  kind: string;
  namespace?: string;
  selector?: string;
  namePrefix?: string;
  count: number;
  op: CountOp;
}

/** `status.conditions[type=<type>].status` equals `status` (True | False | Unknown). */
export interface ConditionCheck extends CheckBase, ObjectRef {
  type: 'condition';
  condition: string;
  status: 'True' | 'False' | 'Unknown';
}

/** Matches core/v1 Events. */
export interface EventMatch {
  reason: string;
  /** involvedObject.kind, e.g. `ReplicaSet`. */
  kind?: string;
  name?: string;
  namePrefix?: string;
  namespace?: string;
  messageContains?: string;
}

/**
 * An Event was recorded. With `after`, it must have happened after an Event matching `after`
 * ("a pod was created after one was killed"): its lastTimestamp is at most 5 s before the
 * earliest matching `after` event's firstTimestamp (the two sides of one action are recorded
 * moments apart, in either order).
 */
export interface EventSeenCheck extends CheckBase, EventMatch {
  type: 'eventSeen';
  after?: EventMatch;
}

/**
 * Every object of `kind` that matches (`name`, `namePrefix` and/or `selector`; at least one must
 * match) is controlled by an object of `owner.kind` named `owner.name` or starting with
 * `owner.namePrefix`.
 */
export interface OwnedByCheck extends CheckBase {
  type: 'ownedBy';
  kind: string;
  namespace?: string;
  name?: string;
  namePrefix?: string;
  selector?: string;
  owner: { kind: string; name?: string; namePrefix?: string };
}

/**
 * The Service's endpoints, as kube-proxy reads them from its EndpointSlices
 * (`kubernetes.io/service-name=<service>`): `ready` counts the ready ones (the default), else all.
 */
export interface EndpointsCheck extends CheckBase {
  type: 'endpoints';
  service: string;
  namespace?: string;
  ready?: boolean;
  count: number;
  op: CountOp;
}

export type Check =
  | ExistsCheck
  | AbsentCheck
  | FieldEqualsCheck
  | PodCountCheck
  | ObjectCountCheck
  | ConditionCheck
  | EventSeenCheck
  | OwnedByCheck
  | EndpointsCheck;

export type CheckType = Check['type'];

export interface LessonStep {
  /** Short slug, unique in the lesson; solution transcripts mark steps with `# step: <id>`. */
  id: string;
  title: string;
  /** Markdown. Commands in fenced code blocks. */
  text: string;
  /** Names of lesson files (keys of `Lesson.files`) the step suggests opening in the editor. */
  files: string[];
  checks: Check[];
  /** Progressive: the panel reveals one more at a time. */
  hints: string[];
}

export interface Lesson {
  /** From lesson.yaml, e.g. `pods-replicasets`. */
  id: string;
  title: string;
  /** One or two sentences for the lesson picker. */
  summary: string;
  /** Manifests the learner can open, by workspace name (e.g. `pod.yaml`) → text. */
  files: Record<string, string>;
  steps: LessonStep[];
}

/** One evaluated check, as the panel shows it. */
export interface CheckResult {
  id: string;
  passed: boolean;
  description: string;
  /** Why it did not pass (or what was found), e.g. "2 of 3 pods are Running". */
  detail?: string;
}

/** A check as written before it gets its id and description. */
export type CheckSpec = Check extends infer C ? (C extends Check ? Omit<C, 'id' | 'description'> : never) : never;
