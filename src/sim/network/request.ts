/**
 * One HTTP request in one call (DESIGN.md "network": `request(from, url)`), for whoever is not a
 * program in a shell: the UI's browser panel opening a port-forward, a lesson check, a test. It
 * resolves, routes, applies policy and hands the request to the app as `curl` would.
 */
import type { HttpResponse, NetError } from '../../shell/container-system';
import { parseUrl } from '../../shell/programs/url';
import { endpointOf, type ClusterNetwork } from './cluster-network';
import { netSystem } from './net-system';
import type { Origin } from './types';

export interface RequestInit {
  method?: string;
  headers?: Array<[string, string]>;
  body?: string;
}

export function request(net: ClusterNetwork, from: Origin, url: string, now: () => number, init: RequestInit = {}): HttpResponse | NetError | 'NXDOMAIN' {
  const u = parseUrl(url);
  if (!u) return 'NXDOMAIN';
  let sys;
  if (from.kind === 'host') sys = netSystem(net, { kind: 'host' }, now);
  else {
    const sandbox = net.podByName(from.pod.namespace, from.pod.name);
    if (!sandbox) return 'EHOSTUNREACH';
    sys = netSystem(net, { kind: 'pod', sandbox, endpoint: endpointOf(sandbox) }, now);
  }
  const ip = sys.resolve(u.host);
  if (ip === undefined) return 'NXDOMAIN';
  if (ip === 'ETIMEDOUT') return ip;
  const hostHeader = u.port === 80 ? u.host : `${u.host}:${u.port}`;
  return sys.http(ip, u.port, { method: init.method ?? 'GET', host: u.host, port: u.port, path: u.path, headers: [['Host', hostHeader], ...(init.headers ?? [])], ...(init.body !== undefined ? { body: init.body } : {}) });
}
