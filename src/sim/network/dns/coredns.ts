/**
 * CoreDNS answering one query, as kind's Corefile configures it (`kubernetes cluster.local
 * in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa }`, then `forward .
 * /etc/resolv.conf`): the kubernetes plugin's records (coredns/plugin/kubernetes, the DNS spec
 * in kubernetes/dns docs/specification.md):
 * - `<svc>.<ns>.svc.cluster.local` A: the ClusterIP; headless: every ready endpoint's IP;
 *   ExternalName: a CNAME to the external name.
 * - `<hostname|a-b-c-d>.<svc>.<ns>.svc.cluster.local` A: one endpoint of a headless Service.
 * - `_<port>._<proto>.<svc>.<ns>.svc.cluster.local` SRV: the named port (headless: per endpoint).
 * - `a-b-c-d.<ns>.pod.cluster.local` A: the IP itself (`pods insecure`).
 * - PTR for ClusterIPs and endpoint IPs.
 * Names outside the zone go upstream, which here has no internet: NXDOMAIN.
 */
import type { DnsRecord, DnsReply, RRType } from '../../../shell/container-system';
import type { ServiceTable, Backend } from '../proxy/service-table';

export const CLUSTER_DOMAIN = 'cluster.local';

export type { DnsRecord, DnsReply, RRType };

export interface DnsView {
  table: ServiceTable;
  /** The endpoint whose address is `ip` (PTR), with its Service key. */
  endpointByIP?(ip: string): { service: string; backend: Backend } | undefined;
}

const NX: DnsReply = { rcode: 'NXDOMAIN', answers: [] };
const EMPTY: DnsReply = { rcode: 'NOERROR', answers: [] };
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function answerQuery(query: string, type: RRType, view: DnsView): DnsReply {
  const name = query.toLowerCase().replace(/\.$/, '');
  if (name.endsWith('.in-addr.arpa')) return type === 'PTR' ? reverse(name, view) : NX;
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(suffix)) return NX;
  const labels = name.slice(0, -suffix.length).split('.');
  const kind = labels[labels.length - 1];
  if (kind === 'pod' && labels.length === 3) {
    const ip = labels[0].replace(/-/g, '.');
    if (!validIP(ip)) return NX;
    return type === 'A' ? { rcode: 'NOERROR', answers: [{ name, type: 'A', data: ip }] } : EMPTY;
  }
  if (kind !== 'svc' || labels.length < 3) return NX;
  const ns = labels[labels.length - 2];
  const svcName = labels[labels.length - 3];
  const svc = view.table.service(ns, svcName);
  if (!svc) return NX;
  const key = `${ns}/${svcName}`;
  const fqdn = `${svcName}.${ns}.svc.${CLUSTER_DOMAIN}`;
  const headless = svc.spec?.clusterIP === 'None';
  const rest = labels.slice(0, -3);

  if (rest.length === 2 && rest[0].startsWith('_') && rest[1].startsWith('_')) {
    const port = (svc.spec?.ports ?? []).find((p) => p.name === rest[0].slice(1) && (p.protocol ?? 'TCP').toLowerCase() === rest[1].slice(1));
    if (!port) return NX;
    if (type !== 'SRV') return EMPTY;
    const targets: Array<[string, number]> = headless
      ? view.table.endpoints(key, port.name ?? '').filter((b) => b.ready).map((b) => [`${endpointLabel(b)}.${fqdn}`, b.port])
      : [[fqdn, port.port]];
    if (!targets.length) return NX;
    const weight = Math.floor(100 / targets.length);
    return { rcode: 'NOERROR', answers: targets.map(([target, p]) => ({ name, type: 'SRV', data: target, srv: { priority: 0, weight, port: p } })) };
  }
  if (rest.length === 1) {
    if (!headless) return NX;
    const b = view.table.addresses(key).find((x) => x.ready && endpointLabel(x) === rest[0]);
    if (!b) return NX;
    return type === 'A' ? { rcode: 'NOERROR', answers: [{ name, type: 'A', data: b.ip }] } : EMPTY;
  }
  if (rest.length > 0) return NX;

  if (svc.spec?.type === 'ExternalName') {
    const target = (svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
    const cname: DnsRecord = { name, type: 'CNAME', data: target };
    // The target is looked up as any other name (outside the zone: upstream, no internet here).
    const next = type === 'A' && target !== name ? answerQuery(target, 'A', view) : EMPTY;
    return { rcode: 'NOERROR', answers: [cname, ...next.answers] };
  }
  if (headless) {
    const ready = view.table.addresses(key).filter((b) => b.ready);
    if (!ready.length) return NX;
    return type === 'A' ? { rcode: 'NOERROR', answers: ready.map((b) => ({ name, type: 'A', data: b.ip })) } : EMPTY;
  }
  const ip = svc.spec?.clusterIP;
  if (!ip) return NX;
  if (type === 'A') return { rcode: 'NOERROR', answers: [{ name, type: 'A', data: ip }] };
  if (type === 'SRV') {
    const ports = (svc.spec?.ports ?? []).filter((p) => p.name);
    const weight = Math.floor(100 / Math.max(1, ports.length));
    return { rcode: 'NOERROR', answers: ports.map((p) => ({ name, type: 'SRV', data: fqdn, srv: { priority: 0, weight, port: p.port } })) };
  }
  return EMPTY;
}

/** A headless endpoint's DNS label: its hostname, else its IP with dashes. */
export function endpointLabel(b: Backend): string {
  return b.hostname ?? b.ip.replace(/\./g, '-');
}

function reverse(name: string, view: DnsView): DnsReply {
  const octets = name.slice(0, -'.in-addr.arpa'.length).split('.');
  if (octets.length !== 4) return NX;
  const ip = octets.reverse().join('.');
  const svc = view.table.serviceByClusterIP(ip);
  if (svc) return { rcode: 'NOERROR', answers: [{ name, type: 'PTR', data: `${svc.metadata!.name}.${svc.metadata!.namespace}.svc.${CLUSTER_DOMAIN}` }] };
  const ep = view.endpointByIP?.(ip);
  if (ep) {
    const [ns, svcName] = ep.service.split('/');
    return { rcode: 'NOERROR', answers: [{ name, type: 'PTR', data: `${endpointLabel(ep.backend)}.${svcName}.${ns}.svc.${CLUSTER_DOMAIN}` }] };
  }
  return NX;
}

function validIP(ip: string): boolean {
  const m = IPV4.exec(ip);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}
