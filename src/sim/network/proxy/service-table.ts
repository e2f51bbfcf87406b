/**
 * kube-proxy's view of the cluster (pkg/proxy: ServiceChangeTracker + EndpointsChangeTracker):
 * every Service port as a frontend — ClusterIP:port, NodePort on every node, LoadBalancer
 * status IPs — and, per Service port, its endpoints from the Service's EndpointSlices. Indexed
 * by VIP and by node port, endpoint lists built once per slice change: a request costs map
 * lookups, never a scan (10,000 requests through a Service in a few ms).
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Protocol } from '../types';

/** One Service port as iptables sees it. */
export interface Frontend {
  /** `namespace/name`. */
  service: string;
  namespace: string;
  name: string;
  port: ServicePort;
  protocol: Protocol;
  /** sessionAffinity ClientIP: its timeout in ms, else undefined. */
  affinityMs?: number;
  /** externalTrafficPolicy Local (NodePort and LoadBalancer traffic stays on the node). */
  externalLocal: boolean;
}

/** One endpoint a frontend may send to: a pod's IP and the port resolved for it. */
export interface Backend {
  ip: string;
  port: number;
  nodeName?: string;
  hostname?: string;
  /** `namespace/name` of the pod, from targetRef. */
  pod?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Default `sessionAffinityConfig.clientIP.timeoutSeconds` (3 hours). */
const DEFAULT_AFFINITY_SECONDS = 10800;

export class ServiceTable {
  private readonly services = new Map<string, Service>();
  /** `ip:port/proto` → frontend (ClusterIPs and LoadBalancer IPs). */
  private readonly byVip = new Map<string, Frontend>();
  /** `port/proto` → frontend (NodePorts, on every node). */
  private readonly byNodePort = new Map<string, Frontend>();
  /** Service key → its slices by name. */
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  /** Service key → port name → backends (all conditions), built on first use after a change. */
  private readonly backends = new Map<string, Map<string, Backend[]>>();
  /** Cluster IP → Service key (reverse DNS). */
  private readonly byClusterIP = new Map<string, string>();
  private readonly vipKeys = new Map<string, string[]>();
  private readonly lbIPs = new Set<string>();

  serviceKeys(): Iterable<string> {
    return this.services.keys();
  }

  service(namespace: string, name: string): Service | undefined {
    return this.services.get(`${namespace}/${name}`);
  }

  serviceByClusterIP(ip: string): Service | undefined {
    const key = this.byClusterIP.get(ip);
    return key === undefined ? undefined : this.services.get(key);
  }

  /** The frontend a packet to `ip:port` hits (ClusterIP or LoadBalancer IP), if any. */
  vip(ip: string, port: number, protocol: Protocol = 'TCP'): Frontend | undefined {
    return this.byVip.get(`${ip}:${port}/${protocol}`);
  }

  /** Whether `ip` is some Service's VIP (a packet to another port of it is rejected). */
  isVip(ip: string): boolean {
    return this.byClusterIP.has(ip) || this.lbIPs.has(ip);
  }

  nodePort(port: number, protocol: Protocol = 'TCP'): Frontend | undefined {
    return this.byNodePort.get(`${port}/${protocol}`);
  }

  setService(svc: Service): void {
    const key = `${svc.metadata!.namespace}/${svc.metadata!.name}`;
    this.deleteService(key);
    this.services.set(key, svc);
    const spec = svc.spec ?? {};
    const keys: string[] = [];
    const ips = (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).filter((ip) => ip && ip !== 'None');
    const lb = spec.type === 'LoadBalancer' ? (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip) : [];
    for (const ip of ips) this.byClusterIP.set(ip, key);
    for (const ip of lb) this.lbIPs.add(ip);
    for (const port of spec.ports ?? []) {
      const f: Frontend = {
        service: key,
        namespace: svc.metadata!.namespace!,
        name: svc.metadata!.name!,
        port,
        protocol: (port.protocol ?? 'TCP') as Protocol,
        externalLocal: spec.externalTrafficPolicy === 'Local',
        ...(spec.sessionAffinity === 'ClientIP' ? { affinityMs: (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000 } : {}),
      };
      for (const ip of [...ips, ...lb]) {
        const k = `${ip}:${port.port}/${f.protocol}`;
        this.byVip.set(k, f);
        keys.push(k);
      }
      if (port.nodePort && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
        const k = `${port.nodePort}/${f.protocol}`;
        this.byNodePort.set(k, f);
        keys.push('node:' + k);
      }
    }
    this.vipKeys.set(key, keys);
    this.backends.delete(key);
  }

  deleteService(key: string): void {
    const old = this.services.get(key);
    if (!old) return;
    this.services.delete(key);
    for (const k of this.vipKeys.get(key) ?? []) {
      if (k.startsWith('node:')) {
        if (this.byNodePort.get(k.slice(5))?.service === key) this.byNodePort.delete(k.slice(5));
      } else if (this.byVip.get(k)?.service === key) this.byVip.delete(k);
    }
    for (const ip of old.spec?.clusterIPs ?? [old.spec?.clusterIP]) if (ip && this.byClusterIP.get(ip) === key) this.byClusterIP.delete(ip);
    for (const i of old.status?.loadBalancer?.ingress ?? []) if (i.ip) this.lbIPs.delete(i.ip);
    this.vipKeys.delete(key);
    this.backends.delete(key);
  }

  setSlice(slice: EndpointSlice): void {
    const svc = serviceOf(slice);
    if (!svc) return;
    let m = this.slices.get(svc);
    if (!m) this.slices.set(svc, (m = new Map()));
    m.set(slice.metadata!.name!, slice);
    this.backends.delete(svc);
  }

  deleteSlice(slice: EndpointSlice): void {
    const svc = serviceOf(slice);
    if (!svc) return;
    const m = this.slices.get(svc);
    m?.delete(slice.metadata!.name!);
    if (m && m.size === 0) this.slices.delete(svc);
    this.backends.delete(svc);
  }

  /** Every endpoint of a Service port (any condition), sorted by IP: what DNS and kube-proxy start from. */
  endpoints(service: string, portName = ''): readonly Backend[] {
    let byPort = this.backends.get(service);
    if (!byPort) this.backends.set(service, (byPort = this.build(service)));
    return byPort.get(portName) ?? NONE;
  }

  /** Every endpoint of a Service, whatever the port (headless DNS A records). */
  addresses(service: string): readonly Backend[] {
    let byPort = this.backends.get(service);
    if (!byPort) this.backends.set(service, (byPort = this.build(service)));
    return byPort.get(ANY_PORT) ?? NONE;
  }

  private build(service: string): Map<string, Backend[]> {
    const out = new Map<string, Backend[]>();
    const any = new Map<string, Backend>();
    for (const slice of this.slices.get(service)?.values() ?? []) {
      if (slice.addressType && slice.addressType !== 'IPv4') continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses?.[0];
        if (!ip) continue;
        const c = ep.conditions ?? {};
        const terminating = c.terminating === true;
        const ready = c.ready ?? !terminating;
        const base = {
          ip,
          ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
          ...(ep.hostname ? { hostname: ep.hostname } : {}),
          ...(ep.targetRef?.name ? { pod: `${ep.targetRef.namespace ?? slice.metadata!.namespace}/${ep.targetRef.name}` } : {}),
          ready,
          serving: c.serving ?? ready,
          terminating,
        };
        if (!any.has(ip)) any.set(ip, { ...base, port: 0 });
        for (const p of slice.ports ?? []) {
          if (p.port === undefined) continue;
          const name = p.name ?? '';
          let list = out.get(name);
          if (!list) out.set(name, (list = []));
          list.push({ ...base, port: p.port });
        }
      }
    }
    for (const list of out.values()) list.sort(byIP);
    out.set(ANY_PORT, [...any.values()].sort(byIP));
    return out;
  }
}

const NONE: readonly Backend[] = [];
const ANY_PORT = '\0any';

function serviceOf(slice: EndpointSlice): string | undefined {
  const name = slice.metadata?.labels?.['kubernetes.io/service-name'];
  return name ? `${slice.metadata!.namespace}/${name}` : undefined;
}

function byIP(a: Backend, b: Backend): number {
  return ipNumber(a.ip) - ipNumber(b.ip) || a.port - b.port;
}

export function ipNumber(ip: string): number {
  const p = ip.split('.');
  return ((+p[0] << 24) >>> 0) + (+p[1] << 16) + (+p[2] << 8) + +p[3];
}
