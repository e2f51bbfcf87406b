/**
 * What the data path asks when an HTTP request reaches an ingress controller: which Service
 * (and path) it goes to. Two controllers listen:
 * - cloud-provider-kind: each namespace's Gateway on its own address on the kind network
 *   (`172.18.0.x`, the Ingresses' ADDRESS); it routes that namespace's Ingresses of its class.
 * - ingress-nginx (the add-on): its controller pods, reached through the host's `localhost`
 *   (kind's extraPortMappings), a node's hostPort 80/443 or its NodePort Service; it routes
 *   every Ingress of an IngressClass whose controller is `k8s.io/ingress-nginx`.
 * Routers are rebuilt only after an Ingress or IngressClass changed.
 */
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import type { IngressRoute } from '../types';
import { buildRouter, type IngressRouter, type RouterFlavour } from './router';

export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx';

/** How a controller answers by itself: no rule matched, or the Service has no ready endpoint. */
export interface ControllerReplies {
  notFound: { status: number; body: string };
  noEndpoints: { status: number; body: string };
}

const nginxPage = (status: string) => `<html>\n<head><title>${status}</title></head>\n<body>\n<center><h1>${status}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;

export const REPLIES: Readonly<Record<RouterFlavour, ControllerReplies>> = {
  // envoy's local replies.
  gateway: { notFound: { status: 404, body: '' }, noEndpoints: { status: 503, body: 'no healthy upstream' } },
  nginx: { notFound: { status: 404, body: nginxPage('404 Not Found') }, noEndpoints: { status: 503, body: nginxPage('503 Service Temporarily Unavailable') } },
};

/** cloud-provider-kind's side: which namespace's Gateway holds an address, and the Ingresses it serves. */
export interface CloudGateways {
  namespaceAt(ip: string): string | undefined;
  ingressesIn(namespace: string): readonly Ingress[];
}

export interface IngressGateway {
  /** The controller listening at `ip` (a Gateway address), if any: the caller routes through it. */
  controllerAt(ip: string): RouterFlavour | undefined;
  /** A request to a Gateway address: where it goes, or undefined (the controller's 404; see REPLIES). */
  route(ip: string, hostHeader: string, path: string): IngressRoute | undefined;
  /** A request that reached an ingress-nginx controller pod. */
  routeNginx(hostHeader: string, path: string): IngressRoute | undefined;
  /** The router behind a Gateway address (TLS: `tlsSecret`, `servesTls`), if one listens there. */
  routerAt(ip: string): IngressRouter | undefined;
  /** ingress-nginx's router. */
  nginxRouter(): IngressRouter;
}

export function ingressGateway(informers: SharedInformers, cloud: CloudGateways): IngressGateway {
  const byNamespace = new Map<string, IngressRouter>();
  let nginx: IngressRouter | undefined;
  const invalidate = () => {
    byNamespace.clear();
    nginx = undefined;
  };
  informers.for('ingresses').onChange(invalidate);
  informers.for('ingressclasses').onChange(invalidate);

  const routerAt = (ip: string): IngressRouter | undefined => {
    const ns = cloud.namespaceAt(ip);
    if (ns === undefined) return undefined;
    let router = byNamespace.get(ns);
    if (!router) byNamespace.set(ns, (router = buildRouter(cloud.ingressesIn(ns), 'gateway')));
    return router;
  };
  const nginxRouter = (): IngressRouter => (nginx ??= buildRouter(nginxIngresses(informers), 'nginx'));
  return {
    controllerAt: (ip) => (cloud.namespaceAt(ip) !== undefined ? 'gateway' : undefined),
    route: (ip, host, path) => routerAt(ip)?.route(host, path),
    routeNginx: (host, path) => nginxRouter().route(host, path),
    routerAt,
    nginxRouter,
  };
}

/**
 * The Ingresses ingress-nginx serves: those of a class whose controller it is, and, as kind's
 * manifest runs it with `--watch-ingress-without-class=true`, those naming no class.
 */
function nginxIngresses(informers: SharedInformers): Ingress[] {
  const classes = (informers.for('ingressclasses').list() as (IngressClass & KObject)[]).filter((c) => c.spec?.controller === NGINX_CONTROLLER);
  const names = new Set(classes.map((c) => c.metadata.name));
  return (informers.for('ingresses').list() as (Ingress & KObject)[]).filter((i) => {
    if (i.metadata.deletionTimestamp) return false;
    const name = i.spec?.ingressClassName;
    return name ? names.has(name) : true;
  });
}
