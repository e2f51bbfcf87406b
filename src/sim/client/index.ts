/**
 * The simulated cluster serving the REST-shaped client (`src/kubectl/client.ts`) in-process:
 * each call is one request to the api-server. A write returns once the cluster has reacted in
 * the same instant (controllers, scheduler: `settle`), as a request to a live cluster would find
 * it busy already — unless the cluster is held (paused), when it waits for a step like any write.
 */
import type { KubeClient, Scale, WatchOptions } from '../../kubectl/client';
import { statusError } from '../api/errors';
import { matchFields, parseFieldSelector } from '../api/fields';
import type { Cluster } from '../cluster';
import type { SimContext } from '../context';
import { readLogs } from '../kubelet/logs';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { formatSelector, fromLabelSelector, matchSelector, parseSelector } from '../core/labels';
import type { KObject } from '../core/object';
import { parseRfc3339 } from '../core/parse-rfc3339';
import { bindPod } from '../scheduler/binding';
import { metricsReader } from '../metrics/reader';
import { attachToPod } from './attach';
import { execInPod } from './exec';
import { portForwardToPod } from './port-forward';
import { authorizingClient } from './authorizing';
import { requestToken } from '../auth/token';
import { authorize, rulesFor } from '../auth/rbac';
import { impersonatedUser, KUBERNETES_ADMIN, type UserInfo } from '../auth/user';

/** Kinds this server gives a `scale` subresource. */
const SCALABLE = ['deployments', 'replicasets'];

/** What the client needs of a cluster: its components, and `settle` after writes. */
export type ClientHost = SimContext & Pick<Cluster, 'settle' | 'kubelets'> & Partial<Pick<Cluster, 'network'>>;

/**
 * A client for the kubeconfig's user, `kubernetes-admin` (cluster-admin through the
 * `kubeadm:cluster-admins` binding, as on kind), or for `user`: every request is authorized.
 */
export function createClient(cluster: ClientHost, user: UserInfo = KUBERNETES_ADMIN): KubeClient {
  return authorizingClient(unauthorizedClient(cluster, user), cluster.api, user);
}

/** The api's calls as they are served once authorized. */
function unauthorizedClient(cluster: ClientHost, user: UserInfo): KubeClient {
  const { api } = cluster;
  /** Runs a write, then lets the cluster react to it. */
  const write = <T>(result: T): T => {
    cluster.settle();
    return result;
  };
  const noSuchSubresource = () => statusError('NotFound', 'the server could not find the requested resource');

  return {
    now: () => cluster.clock.now(),
    discovery: api.registry,

    get: (resource, namespace, name) => api.get(resource, namespace, name),
    list: (resource, namespace, opts) => api.list(resource, namespace, opts),
    watch(resource, opts, handler) {
      api.type(resource);
      const matches = watchFilter(opts);
      return api.watch((e) => {
        if (e.resource === resource && matches(e.object)) handler({ type: e.type, object: e.object });
      });
    },
    create: (resource, namespace, body, opts) => write(api.create(resource, namespace, body, opts)),
    update: (resource, namespace, body, opts) => write(api.update(resource, namespace, body, opts)),
    patch: (resource, namespace, name, patch, type, opts) => write(api.patch(resource, namespace, name, patch, type, opts)),
    delete: (resource, namespace, name, opts) => write(api.delete(resource, namespace, name, opts)),

    getStatus: (resource, namespace, name) => api.get(resource, namespace, name),
    updateStatus: (resource, namespace, body) => write(api.updateStatus(resource, namespace, body)),
    getScale(resource, namespace, name) {
      if (!SCALABLE.includes(resource)) throw noSuchSubresource();
      return scaleOf(api.get(resource, namespace, name));
    },
    updateScale(resource, namespace, name, scale, opts) {
      if (!SCALABLE.includes(resource)) throw noSuchSubresource();
      const obj = api.get(resource, namespace, name);
      const rv = scale.metadata.resourceVersion;
      const body = { ...obj, metadata: { ...obj.metadata, resourceVersion: rv ?? obj.metadata.resourceVersion }, spec: { ...(obj.spec as object), replicas: scale.spec.replicas } };
      return scaleOf(write(api.update(resource, namespace, body, opts)));
    },
    log(namespace, pod, opts = {}) {
      const since = opts.sinceTime === undefined ? undefined : parseRfc3339(opts.sinceTime);
      if (since && 'error' in since) throw statusError('BadRequest', since.error);
      const sinceTime = since?.ms;
      return readLogs(cluster, namespace, pod, opts.container, { previous: opts.previous, tail: opts.tailLines, timestamps: opts.timestamps, sinceSeconds: opts.sinceSeconds, sinceTime, limitBytes: opts.limitBytes });
    },
    exec: (namespace, pod, opts, streams) => execInPod(api.get('pods', namespace, pod), opts, streams, cluster.kubelets, cluster.clock, cluster.network),
    attach: (namespace, pod, opts, streams) => attachToPod(api.get('pods', namespace, pod), opts, streams, cluster.kubelets, cluster.clock, cluster.network),
    portForward: (namespace, pod) => portForwardToPod(api.get('pods', namespace, pod), cluster.kubelets),
    // No PodDisruptionBudgets are served, so no eviction is refused: it is the pod's delete.
    evict(namespace, pod, opts) {
      write(api.delete('pods', namespace, pod, opts));
    },
    bind(namespace, pod, nodeName) {
      write(bindPod(api, namespace, pod, nodeName));
    },
    metrics: () => metricsReader(cluster),

    user: () => user,
    impersonate: (name, groups) => createClient(cluster, impersonatedUser(name, groups)),
    accessReview: (attrs) => authorize(api.store, user, attrs),
    rulesReview(namespace) {
      const { rules, errors } = rulesFor(api.store, user, namespace);
      return { rules, incomplete: errors.length > 0, evaluationError: errors.length === 1 ? errors[0] : errors.length ? `[${errors.join(', ')}]` : '' };
    },
    createToken(namespace, name, opts) {
      const rng = cluster.rng.fork(`token/${namespace}/${name}/${api.store.resourceVersion}/${cluster.clock.now()}/${JSON.stringify(opts ?? {})}`);
      return requestToken(api, cluster.rng, rng, namespace, name, opts);
    },
  };
}

/** What a watch request selects: namespace, labels, fields (a name is `metadata.name=…`). */
function watchFilter(opts: WatchOptions): (obj: KObject) => boolean {
  const labels = opts.labelSelector ? parseSelector(opts.labelSelector) : fromLabelSelector({});
  const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : [];
  return (o) =>
    (opts.namespace === undefined || o.metadata.namespace === opts.namespace) && matchSelector(labels, o.metadata.labels ?? {}) && matchFields(fields, o);
}

function scaleOf(obj: KObject): Scale {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
  const status = (obj.status ?? {}) as { replicas?: number };
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  const selector = spec.selector ? formatSelector(spec.selector) : undefined;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas },
    status: { replicas: status.replicas ?? 0, ...(selector && selector !== '<none>' ? { selector } : {}) },
  };
}
