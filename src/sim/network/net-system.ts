/**
 * The network as one process sees it (the `ContainerSystem` members programs call: wget, curl,
 * nc, nslookup): its resolver (/etc/hosts, then the nameserver through kube-proxy to a CoreDNS
 * pod), connections and HTTP exchanges routed by the cluster network, an ingress controller's
 * routing for its addresses, and a TrafficEvent for every request.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ContainerSystem, DnsReply, HttpRequest, HttpResponse, NetError, ResolvConf, RRType } from '../../shell/container-system';
import { hostsFile } from '../fs/kubelet-files';
import { answerQuery, type DnsView } from './dns/coredns';
import { lookupA, NODE_DNS_IP, parseHosts, resolvConfOf } from './dns/resolver';
import { HOST_IP, type ClusterNetwork, type Source, type Target } from './cluster-network';
import { answer, listenerOn } from './pod-app';
import type { TrafficEvent } from './types';

/** Reports one request; the event is only built when someone watches the traffic. */
type Emit = (make: () => Omit<TrafficEvent, 'at' | 'from'>) => void;

export type NetSystem = Required<Pick<ContainerSystem, 'resolve' | 'connect' | 'http' | 'dns' | 'resolvConf'>>;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const NO_DNS: ResolvConf = { nameservers: [], search: [], ndots: 1 };
const NX: DnsReply = { rcode: 'NXDOMAIN', answers: [] };

/** ingress-nginx's answer when no rule matches (its default backend). */
const NGINX_404 = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/**
 * The network of a process in pod `pod` (its sandbox in `from`), or of the learner's machine.
 * `instant`: the process runs at one instant of virtual time (a container's timeline is computed
 * at once), so the cluster cannot change under it and a name once looked up keeps its answer.
 */
export function netSystem(net: ClusterNetwork, from: Source, now: () => number, instant = false): NetSystem {
  const pod: Pod | undefined = from.kind === 'pod' ? from.sandbox.pod : undefined;
  const hosts = pod ? parseHosts(hostsFile(pod, from.kind === 'pod' ? from.sandbox.podIP : undefined)) : new Map([['localhost', '127.0.0.1']]);
  const conf = pod ? resolvConfOf(pod) : NO_DNS;
  const name = from.kind === 'pod' ? `${from.endpoint.namespace}/${from.endpoint.name}` : 'host';
  const view: DnsView = { table: net.table, endpointByIP: (ip) => endpointByIP(net, ip) };

  const dns = (server: string, qname: string, type: RRType): DnsReply | 'ETIMEDOUT' => {
    // Docker's embedded DNS on kind's network knows the node containers by name.
    if (server === NODE_DNS_IP) {
      const node = net.nodes().find((n) => n.name === qname.replace(/\.$/, ''));
      return node && type === 'A' ? { rcode: 'NOERROR', answers: [{ name: node.name, type: 'A', data: node.internalIP }] } : NX;
    }
    const t = net.route(from, server, 53, 'UDP');
    if (typeof t === 'string' || !listenerOn(t.sandbox, 53, now())) return 'ETIMEDOUT';
    return answerQuery(qname, type, view);
  };

  const emit: Emit = (make) => net.traffic.emit(() => ({ at: now(), from: name, ...make() }));

  const looked = new Map<string, string | 'NXDOMAIN' | 'ETIMEDOUT'>();
  return {
    resolvConf: () => conf,
    dns,
    resolve(host) {
      const h = host.toLowerCase();
      if (IPV4.test(h)) return h;
      const known = hosts.get(h);
      if (known) return known;
      let r = looked.get(h);
      if (r === undefined) {
        const found = lookupA(h, conf, dns);
        r = typeof found === 'string' ? found : found.ip;
        if (instant) looked.set(h, r);
      }
      if (r !== 'NXDOMAIN' && r !== 'ETIMEDOUT') return r;
      emit(() => ({ error: r }));
      return r === 'ETIMEDOUT' ? r : undefined;
    },
    connect(ip, port) {
      const t = net.route(from, ip, port);
      if (typeof t === 'string') {
        emit(() => ({ error: t }));
        return t;
      }
      const open = listenerOn(t.sandbox, t.port, now()) ? true : 'ECONNREFUSED';
      emit(() => outcome(t, open));
      return open;
    },
    http(ip, port, req) {
      const gw = net.ingressGateway;
      if (gw?.serves(ip, port)) return viaIngress(net, from, ip, req, now, emit);
      const t = net.route(from, ip, port);
      if (typeof t === 'string') {
        emit(() => ({ error: t }));
        return t;
      }
      return exchange(t, req, now, emit);
    },
  };
}

/** One HTTP exchange with whatever listens at the target. */
function exchange(t: Target, req: HttpRequest, now: () => number, emit: Emit, ingress?: string): HttpResponse | NetError {
  const c = listenerOn(t.sandbox, t.port, now());
  const res = c ? answer(c, t.port === req.port ? req : { ...req, port: t.port }, now(), t.sandbox.pod.spec?.hostname ?? t.sandbox.pod.metadata?.name) : 'ECONNREFUSED';
  emit(() => outcome(t, res, ingress));
  return res;
}

/** The TrafficEvent fields of one delivered request. */
function outcome(t: Target, res: HttpResponse | NetError | true, ingress?: string): Omit<TrafficEvent, 'at' | 'from'> {
  const e: Omit<TrafficEvent, 'at' | 'from'> = { to: `${t.pod.namespace}/${t.pod.name}` };
  if (ingress) e.ingress = ingress;
  if (t.service) e.service = t.service;
  if (typeof res === 'string') e.error = res;
  else if (res !== true) e.status = res.status;
  return e;
}

/** A request to an ingress address: the controller routes by host and path to a Service's endpoint. */
function viaIngress(net: ClusterNetwork, from: Source, ip: string, req: HttpRequest, now: () => number, emit: Emit): HttpResponse | NetError {
  const host = (req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? req.host).replace(/:\d+$/, '');
  const route = net.ingressGateway!.route(ip, host, req.path);
  const notFound: HttpResponse = { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/html'], ['Content-Length', String(NGINX_404.length)]], body: NGINX_404 };
  if (!route) {
    emit(() => ({ status: 404 }));
    return notFound;
  }
  const svc = net.table.service(route.service.namespace, route.service.name);
  const port = svc?.spec?.ports?.find((p) => (route.service.port.number !== undefined ? p.port === route.service.port.number : p.name === route.service.port.name));
  const f = port && svc?.spec?.clusterIP && svc.spec.clusterIP !== 'None' ? net.table.vip(svc.spec.clusterIP, port.port, (port.protocol ?? 'TCP') as 'TCP') : undefined;
  // The controller proxies from inside the cluster. No such Service or port, or no endpoint: 503.
  const t = f ? net.toService(f, from.kind === 'pod' ? from.endpoint.ip : HOST_IP) : 'ECONNREFUSED';
  if (typeof t === 'string') {
    emit(() => ({ ingress: route.ingress, service: `${route.service.namespace}/${route.service.name}`, status: 503 }));
    return { status: 503, reason: 'Service Temporarily Unavailable', headers: [['Content-Type', 'text/html']], body: NGINX_404.replace(/404 Not Found/g, '503 Service Temporarily Unavailable') };
  }
  return exchange(t, { ...req, path: route.path }, now, emit, route.ingress);
}

/** The endpoint that has `ip`, for reverse lookups (rare: a scan of the Services is fine). */
function endpointByIP(net: ClusterNetwork, ip: string): ReturnType<NonNullable<DnsView['endpointByIP']>> {
  for (const key of net.table.serviceKeys()) {
    const b = net.table.addresses(key).find((x) => x.ip === ip);
    if (b) return { service: key, backend: b };
  }
  return undefined;
}
