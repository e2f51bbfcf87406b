/**
 * Joins the ingress controllers (./ingress/gateway.ts, the ingress track's) to the data path's
 * seam (cluster-network.ts IngressControllers): cloud-provider-kind answers HTTP on its Gateway
 * addresses before any other routing; an ingress-nginx controller pod routes what reached it
 * (through the host's localhost:80/443, a node's hostPort, its NodePort or its Service).
 * Typed by shape so this file needs nothing but the gateway's four members:
 * `network.setIngress(ingressControllers(cluster.ingressGateway, REPLIES))`.
 */
import type { IngressControllers } from './cluster-network';
import type { IngressRoute, PodEndpoint } from './types';

type Flavour = 'gateway' | 'nginx';
type Reply = { status: number; body: string };

export interface GatewayLike {
  controllerAt(ip: string): Flavour | undefined;
  route(ip: string, hostHeader: string, path: string): IngressRoute | undefined;
  routeNginx(hostHeader: string, path: string): IngressRoute | undefined;
}

/** HTTP and HTTPS: the ports both controllers listen on. */
const WEB_PORTS = [80, 443];

export function ingressControllers(gateway: GatewayLike, replies: Readonly<Record<Flavour, { notFound: Reply; noEndpoints: Reply }>>): IngressControllers {
  return {
    atAddress(ip, port, host, path) {
      const flavour = WEB_PORTS.includes(port) ? gateway.controllerAt(ip) : undefined;
      return flavour ? { route: gateway.route(ip, host, path), ...replies[flavour] } : undefined;
    },
    atPod(pod, port, host, path) {
      return WEB_PORTS.includes(port) && isNginxController(pod) ? { route: gateway.routeNginx(host, path), ...replies.nginx } : undefined;
    },
  };
}

/** The controller pods of kind's ingress-nginx manifest (their labels). */
function isNginxController(pod: PodEndpoint): boolean {
  return pod.labels['app.kubernetes.io/name'] === 'ingress-nginx' && pod.labels['app.kubernetes.io/component'] === 'controller';
}
