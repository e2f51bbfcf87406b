/**
 * The api as kubectl sees it: a client shaped like the Kubernetes REST API (client-go's dynamic
 * client plus the discovery client), so that kubectl, describe, completion and the lessons'
 * checks never touch the simulation itself. The simulated cluster serves it in-process
 * (`src/sim/client`); an HTTP adapter could serve the same calls to the real kubectl.
 *
 * Every call names a resource by its plural (`pods`, `deployments`), a namespace (undefined for
 * cluster-scoped kinds) and a name, and returns objects or throws the api's `StatusError`
 * (NotFound, AlreadyExists, Invalid, Conflict, BadRequest, …) with the server's message.
 */
import { StatusError } from '../sim/api/errors';
import type { ResourceType } from '../sim/api/registry';
import type { DeleteOptions, ListOptions, PatchType, WriteOptions } from '../sim/api/types';
import type { KObject } from '../sim/core/object';
import type { NodeMetrics, PodMetrics } from '../sim/metrics/metrics-api';
import type { Attributes } from '../sim/auth/attributes';
import type { UserInfo } from '../sim/auth/user';
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { TokenRequestOptions } from '../sim/auth/token';

export type { NodeMetrics, PodMetrics };

/**
 * `metrics.k8s.io/v1beta1`, an aggregated API (metrics-server): list or get (`name`) pod and
 * node metrics. Throws the server's errors: ServiceUnavailable while the APIService is not
 * available, NotFound for a name without metrics.
 */
export interface MetricsReader {
  pods(namespace: string | undefined, opts?: { name?: string; labelSelector?: string }): PodMetrics[];
  nodes(opts?: { name?: string; labelSelector?: string }): NodeMetrics[];
}

export type { DeleteOptions, ListOptions, PatchType, WriteOptions, ResourceType, Attributes, UserInfo, TokenRequestOptions };

/** A SelfSubjectAccessReview's answer. */
export interface AccessReview {
  allowed: boolean;
  reason: string;
}

/** A SelfSubjectRulesReview's answer: the rules held in a namespace (resource and non-resource rules alike). */
export interface RulesReview {
  rules: PolicyRule[];
  incomplete: boolean;
  evaluationError: string;
}

/** The discovery API (`/api`, `/apis`): what `api-resources` lists and how `po` or `deploy` resolves. */
export interface Discovery {
  /** Every served resource (`kubectl api-resources`). */
  all(): ResourceType[];
  byResource(plural: string): ResourceType | undefined;
  /** The resource for `apiVersion` + `kind`, or undefined when the server does not serve it. */
  forKind(apiVersion: string, kind: string): ResourceType | undefined;
  /** What a user typed (`po`, `pods`, `pod`, `deployments.apps`, `deploy`), resolved as kubectl does. */
  resolve(name: string): ResourceType | undefined;
}

export interface WatchOptions extends ListOptions {
  /** Undefined: every namespace (or a cluster-scoped resource). */
  namespace?: string;
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KObject;
}

/** `GET …/pods/NAME/log` (PodLogOptions). */
export interface PodLogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  timestamps?: boolean;
  sinceSeconds?: number;
  /** RFC 3339. */
  sinceTime?: string;
  limitBytes?: number;
}

/** autoscaling/v1 Scale: the `scale` subresource. */
export interface Scale {
  apiVersion: 'autoscaling/v1';
  kind: 'Scale';
  metadata: KObject['metadata'];
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** `POST …/pods/NAME/exec` (PodExecOptions). */
export interface PodExecOptions {
  container?: string;
  command: string[];
  stdin?: boolean;
  tty?: boolean;
}

/** `POST …/pods/NAME/attach` (PodAttachOptions). */
export interface PodAttachOptions {
  container?: string;
  stdin?: boolean;
  tty?: boolean;
}

/** The client's ends of a streamed session (exec, attach): what it reads, where output goes. */
export interface Streams {
  /** Input available at the start (`-i` with piped stdin). */
  stdin?: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A process at the other end of exec/attach; it runs in the server's (virtual) time. */
export interface RemoteProcess {
  /** Set once the process has ended (kubectl exec exits with it). */
  readonly exitCode: number | undefined;
  /** More input (an interactive terminal). */
  write(text: string): void;
  /** End of input (Ctrl+D). */
  closeStdin(): void;
  /** The client hangs up (Ctrl+C on `attach`); the process goes on. */
  close(): void;
}

/**
 * `POST …/pods/NAME/portforward`: the stream to the pod's kubelet that carries the forwarded
 * connections (the connections themselves reach the pod through the host's ports: the data path).
 */
export interface PortForward {
  /** Set once the stream has closed under the client: the pod stopped or went away. */
  readonly lost: boolean;
  /** What the kubelet's error stream says when a connection finds nothing listening on `port` in the pod. */
  refused(port: number): string;
  close(): void;
}

export interface KubeClient {
  /**
   * The time requests are served at: ages and deadlines. The real kubectl reads its machine's
   * clock; here that clock is the cluster's virtual one.
   */
  now(): number;
  readonly discovery: Discovery;

  get(resource: string, namespace: string | undefined, name: string): KObject;
  list(resource: string, namespace?: string, opts?: ListOptions): KObject[];
  /** Calls `handler` for every later change that matches; returns the function that stops the watch. */
  watch(resource: string, opts: WatchOptions, handler: (event: WatchEvent) => void): () => void;
  create(resource: string, namespace: string | undefined, body: KObject, opts?: WriteOptions): KObject;
  update(resource: string, namespace: string | undefined, body: KObject, opts?: WriteOptions): KObject;
  patch(resource: string, namespace: string | undefined, name: string, patch: unknown, type: PatchType, opts?: WriteOptions): KObject;
  /** The object as it now is: gone, or still there with a deletionTimestamp. */
  delete(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): KObject;

  // ---- subresources ----
  getStatus(resource: string, namespace: string | undefined, name: string): KObject;
  updateStatus(resource: string, namespace: string | undefined, body: KObject): KObject;
  getScale(resource: string, namespace: string | undefined, name: string): Scale;
  updateScale(resource: string, namespace: string | undefined, name: string, scale: Scale, opts?: WriteOptions): Scale;
  /** A container's log as text (`pods/log`). */
  log(namespace: string, pod: string, opts?: PodLogOptions): string;
  exec(namespace: string, pod: string, opts: PodExecOptions, streams: Streams): RemoteProcess;
  attach(namespace: string, pod: string, opts: PodAttachOptions, streams: Streams): RemoteProcess;
  portForward(namespace: string, pod: string, ports: number[]): PortForward;
  /** `pods/eviction` (policy/v1 Eviction): a delete that disruption budgets may refuse. */
  evict(namespace: string, pod: string, opts?: DeleteOptions): void;
  /** `pods/binding`: assigns a pod to a node (what the scheduler does). */
  bind(namespace: string, pod: string, nodeName: string): void;

  /** The metrics API, or undefined when discovery does not list `metrics.k8s.io` (no APIService). */
  metrics(): MetricsReader | undefined;

  // ---- who is asking (authentication.k8s.io, authorization.k8s.io) ----
  /** The user requests are made as (SelfSubjectReview: `kubectl auth whoami`). */
  user(): UserInfo;
  /** The same api, each request impersonating `name` (and `groups`): `--as`, `--as-group`. */
  impersonate(name: string, groups: string[]): KubeClient;
  /** SelfSubjectAccessReview: may this client's user do it? */
  accessReview(attrs: Attributes): AccessReview;
  /** SelfSubjectRulesReview: what this client's user may do in `namespace`. */
  rulesReview(namespace: string): RulesReview;
  /** `serviceaccounts/token` (TokenRequest): a token for the account. */
  createToken(namespace: string, name: string, opts?: TokenRequestOptions): string;
}

/** `get`, or undefined when the object does not exist (an unknown resource still throws). */
export function tryGet(client: Pick<KubeClient, 'get'>, resource: string, namespace: string | undefined, name: string): KObject | undefined {
  try {
    return client.get(resource, namespace, name);
  } catch (e) {
    if (e instanceof StatusError && e.status.reason === 'NotFound' && e.status.details?.name === name) return undefined;
    throw e;
  }
}
