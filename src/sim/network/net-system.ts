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
import { HOST_IP, type ClusterNetwork, type IngressDecision, type Source, type Target } from './cluster-network';
import { answer, listenerOn } from './pod-app';
import type { TrafficEvent } from './types';

/** Reports one request; the event is only built when someone watches the traffic. */
type Emit = (make: () => Omit<TrafficEvent, 'at' | 'from'>) => void;

export type NetSystem = Required<Pick<ContainerSystem, 'resolve' | 'connect' | 'http' | 'dns' | 'resolvConf'>>;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const NO_DNS: ResolvConf = { nameservers: [], search: [], ndots: 1 };
const NX: DnsReply = { rcode: 'NXDOMAIN', answers: [] };

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
      const t = net.deliver(from, ip, port);
      if (typeof t === 'string') {
        emit(() => failed(net, ip, port, t));
        return t;
      }
      if ('dropped' in t) return drop(t.dropped, emit);
      let open: true | NetError = listenerOn(t.sandbox, t.port, now()) ? true : 'ECONNREFUSED';
      // kubectl port-forward accepts the local connection whatever the pod then says.
      if (open !== true && t.localPort !== undefined) {
        net.forwardRefused(t.localPort);
        open = true;
      }
      emit(() => outcome(t, open));
      return open;
    },
    http(ip, port, req) {
      const ingress = net.ingressControllers;
      const atAddress = ingress?.atAddress(ip, port, hostOf(req), req.path);
      if (atAddress) return viaIngress(net, atAddress, from.kind === 'pod' ? from.endpoint.ip : HOST_IP, req, now, emit);
      const t = net.deliver(from, ip, port);
      if (typeof t === 'string') {
        emit(() => failed(net, ip, port, t));
        return t;
      }
      if ('dropped' in t) return drop(t.dropped, emit);
      const atPod = ingress?.atPod(t.pod, t.port, hostOf(req), req.path);
      if (atPod) return viaIngress(net, atPod, t.pod.ip, req, now, emit);
      return exchange(net, t, req, now, emit);
    },
  };
}

/** One HTTP exchange with whatever listens at the target. */
function exchange(net: ClusterNetwork, t: Target, req: HttpRequest, now: () => number, emit: Emit, ingress?: string): HttpResponse | NetError {
  const c = listenerOn(t.sandbox, t.port, now());
  if (!c && t.localPort !== undefined) {
    net.forwardRefused(t.localPort);
    emit(() => outcome(t, 'ECONNREFUSED'));
    return EMPTY_REPLY;
  }
  const res = c ? answer(c, t.port === req.port ? req : { ...req, port: t.port }, now(), t.sandbox.pod.spec?.hostname ?? t.sandbox.pod.metadata?.name, t.sandbox.podIP, t.sourceIP) : 'ECONNREFUSED';
  emit(() => outcome(t, res, ingress));
  return res;
}

/** The TrafficEvent fields of a connection that reached no pod: the Service it was for, when it was one (the graph shows it refusing). */
function failed(net: ClusterNetwork, ip: string, port: number, error: NetError): Omit<TrafficEvent, 'at' | 'from'> {
  const f = net.table.vip(ip, port) ?? (net.node(ip) ? net.table.nodePort(port) : undefined);
  return f ? { service: f.service, error } : { error };
}

/** A connection NetworkPolicy dropped: the sender waits until it gives up. */
function drop(t: Target, emit: Emit): 'ETIMEDOUT' {
  emit(() => ({ ...outcome(t, 'ETIMEDOUT'), dropped: true }));
  return 'ETIMEDOUT';
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

/** A request an ingress controller took: on to the routed Service's endpoint, or the controller's own reply. */
function viaIngress(net: ClusterNetwork, d: IngressDecision, controllerIP: string, req: HttpRequest, now: () => number, emit: Emit): HttpResponse | NetError {
  const route = d.route;
  if (!route) {
    emit(() => ({ status: d.notFound.status }));
    return reply(d.notFound);
  }
  const ingress = route.ingress;
  const service = `${route.service.namespace}/${route.service.name}`;
  const svc = net.table.service(route.service.namespace, route.service.name);
  const port = svc?.spec?.ports?.find((p) => (route.service.port.number !== undefined ? p.port === route.service.port.number : p.name === route.service.port.name));
  const f = port && svc?.spec?.clusterIP && svc.spec.clusterIP !== 'None' ? net.table.vip(svc.spec.clusterIP, port.port, (port.protocol ?? 'TCP') as 'TCP') : undefined;
  // The controller proxies from inside the cluster to the Service's endpoints.
  const t = f ? net.toService(f, controllerIP) : 'ECONNREFUSED';
  if (typeof t === 'string') {
    emit(() => ({ ingress, service, status: d.noEndpoints.status }));
    return reply(d.noEndpoints);
  }
  return exchange(net, t, { ...req, path: route.path }, now, emit, ingress);
}

/** A controller's own reply (nginx's HTML pages, envoy's plain text). */
function reply(r: { status: number; body: string }): HttpResponse {
  const type = r.body.startsWith('<html>') ? 'text/html' : 'text/plain';
  return { status: r.status, reason: REASONS[r.status] ?? '', headers: [['Content-Type', type], ['Content-Length', String(r.body.length)]], body: r.body };
}

/** What a client reads from a connection closed before any answer (curl: Empty reply from server). */
const EMPTY_REPLY: HttpResponse = { status: 0, reason: '', headers: [], body: '' };

const REASONS: Record<number, string> = { 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function hostOf(req: HttpRequest): string {
  return (req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? req.host).replace(/:\d+$/, '');
}

/** The endpoint that has `ip`, for reverse lookups (rare: a scan of the Services is fine). */
function endpointByIP(net: ClusterNetwork, ip: string): ReturnType<NonNullable<DnsView['endpointByIP']>> {
  for (const key of net.table.serviceKeys()) {
    const b = net.table.addresses(key).find((x) => x.ip === ip);
    if (b) return { service: key, backend: b };
  }
  return undefined;
}
