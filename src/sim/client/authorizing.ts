/**
 * A client whose requests the api-server authorizes for its user (the learner's
 * `kubernetes-admin`, or whom `kubectl --as` impersonates): each call is mapped to the attributes
 * the api-server's request-info resolver gives it (verb, group, resource, subresource,
 * namespace, name) and refused with the real Forbidden message when RBAC allows none of it.
 */
import type { KubeClient } from '../../kubectl/client';
import type { ApiServer } from '../api/apiserver';
import type { ResourceAttributes } from '../auth/attributes';
import { forbiddenError } from '../auth/attributes';
import { authorize } from '../auth/rbac';
import { escalationError } from '../auth/escalation';
import type { KObject } from '../core/object';
import type { UserInfo } from '../auth/user';

const RBAC_WRITES = ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'];

export function authorizingClient(inner: KubeClient, api: ApiServer, user: UserInfo): KubeClient {
  const check = (verb: string, resource: string, namespace: string | undefined, name?: string, subresource?: string) => {
    const t = api.registry.byResource(resource);
    const attrs: ResourceAttributes = { verb, apiGroup: t?.group ?? '', resource, subresource, namespace: t && !t.namespaced ? undefined : namespace, name };
    const decision = authorize(api.store, user, attrs);
    if (!decision.allowed) throw forbiddenError(user, attrs, decision.reason);
  };
  /** The RBAC storage's own check on roles and bindings (the body's namespace defaults to the request's). */
  const noEscalation = (resource: string, namespace: string | undefined, body: KObject) => {
    const t = api.registry.byResource(resource);
    const obj = t?.namespaced ? { ...body, metadata: { ...body.metadata, namespace: body.metadata.namespace ?? namespace } } : body;
    const error = escalationError(api.store, user, resource, obj);
    if (error) throw error;
  };
  return {
    ...inner,
    user: () => user,
    get: (resource, namespace, name) => (check('get', resource, namespace, name), inner.get(resource, namespace, name)),
    list: (resource, namespace, opts) => (check('list', resource, namespace), inner.list(resource, namespace, opts)),
    watch: (resource, opts, handler) => (check('watch', resource, opts.namespace), inner.watch(resource, opts, handler)),
    create: (resource, namespace, body, opts) => (check('create', resource, namespace), noEscalation(resource, namespace, body), inner.create(resource, namespace, body, opts)),
    update: (resource, namespace, body, opts) => (check('update', resource, namespace, body.metadata.name), noEscalation(resource, namespace, body), inner.update(resource, namespace, body, opts)),
    patch(resource, namespace, name, patch, type, opts) {
      check('patch', resource, namespace, name);
      // A role or binding is checked as the patch would leave it (the RBAC storage checks the updated object).
      if (RBAC_WRITES.includes(resource)) noEscalation(resource, namespace, inner.patch(resource, namespace, name, patch, type, { ...opts, dryRun: true }));
      return inner.patch(resource, namespace, name, patch, type, opts);
    },
    delete: (resource, namespace, name, opts) => (check('delete', resource, namespace, name), inner.delete(resource, namespace, name, opts)),
    getStatus: (resource, namespace, name) => (check('get', resource, namespace, name, 'status'), inner.getStatus(resource, namespace, name)),
    updateStatus: (resource, namespace, body) => (check('update', resource, namespace, body.metadata.name, 'status'), inner.updateStatus(resource, namespace, body)),
    getScale: (resource, namespace, name) => (check('get', resource, namespace, name, 'scale'), inner.getScale(resource, namespace, name)),
    updateScale: (resource, namespace, name, scale, opts) => (check('patch', resource, namespace, name, 'scale'), inner.updateScale(resource, namespace, name, scale, opts)),
    log: (namespace, pod, opts) => (check('get', 'pods', namespace, pod, 'log'), inner.log(namespace, pod, opts)),
    exec: (namespace, pod, opts, streams) => (check('create', 'pods', namespace, pod, 'exec'), inner.exec(namespace, pod, opts, streams)),
    attach: (namespace, pod, opts, streams) => (check('create', 'pods', namespace, pod, 'attach'), inner.attach(namespace, pod, opts, streams)),
    portForward: (namespace, pod, ports) => (check('create', 'pods', namespace, pod, 'portforward'), inner.portForward(namespace, pod, ports)),
    evict: (namespace, pod, opts) => (check('create', 'pods', namespace, pod, 'eviction'), inner.evict(namespace, pod, opts)),
    bind: (namespace, pod, nodeName) => (check('create', 'pods', namespace, pod, 'binding'), inner.bind(namespace, pod, nodeName)),
    metrics() {
      const reader = inner.metrics();
      if (!reader) return undefined;
      // metrics.k8s.io is an aggregated API: the api-server authorizes its requests like its own.
      const metricsCheck = (resource: string, namespace: string | undefined, name?: string) => {
        const attrs: ResourceAttributes = { verb: name ? 'get' : 'list', apiGroup: 'metrics.k8s.io', resource, namespace, name };
        const decision = authorize(api.store, user, attrs);
        if (!decision.allowed) throw forbiddenError(user, attrs, decision.reason);
      };
      return {
        pods: (namespace, opts) => (metricsCheck('pods', namespace, opts?.name), reader.pods(namespace, opts)),
        nodes: (opts) => (metricsCheck('nodes', undefined, opts?.name), reader.nodes(opts)),
      };
    },
    createToken: (namespace, name, opts) => (check('create', 'serviceaccounts', namespace, name, 'token'), inner.createToken(namespace, name, opts)),
  };
}
