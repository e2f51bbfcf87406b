/**
 * A pod's stub resolver (getaddrinfo in glibc and musl): /etc/hosts first, then the nameserver
 * of its resolv.conf with the search list — a name with fewer dots than `ndots` is tried under
 * each search domain before as written (`web` ⇒ `web.default.svc.cluster.local`), a name ending
 * in `.` only as written. What resolv.conf holds follows the pod's dnsPolicy (kubelet's
 * pkg/kubelet/network/dns: ClusterFirst, ClusterFirstWithHostNet, Default, None + dnsConfig).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { DnsReply, ResolvConf, RRType } from '../../../shell/container-system';
import { CLUSTER_DNS_IP } from '../../fs/kubelet-files';
import { CLUSTER_DOMAIN } from './coredns';

export { CLUSTER_DNS_IP };
export type { ResolvConf };
/** kind's nodes use Docker's embedded DNS, which knows no cluster names and (here) no internet. */
export const NODE_DNS_IP = '172.18.0.1';
/** glibc and musl: `timeout:5`, `attempts:2`. */
export const DNS_TIMEOUT_MS = 5000;
export const DNS_ATTEMPTS = 2;


/** One query to a nameserver: its reply, or no reply at all (nobody answers on that IP:53). */
export type DnsQuery = (server: string, name: string, type: RRType) => DnsReply | 'ETIMEDOUT';

/** A pod object's resolver settings, computed once per object (pods are immutable once read). */
const CONFS = new WeakMap<Pod, ResolvConf>();

export function resolvConfOf(pod: Pod): ResolvConf {
  let conf = CONFS.get(pod);
  if (!conf) CONFS.set(pod, (conf = readResolvConf(pod)));
  return conf;
}

function readResolvConf(pod: Pod): ResolvConf {
  const spec = pod.spec ?? { containers: [] };
  const ns = pod.metadata?.namespace ?? 'default';
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork);
  let conf: ResolvConf =
    policy === 'None'
      ? { nameservers: [], search: [], ndots: 1 }
      : cluster
        ? { nameservers: [CLUSTER_DNS_IP], search: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN], ndots: 5 }
        : { nameservers: [NODE_DNS_IP], search: [], ndots: 1 };
  const extra = spec.dnsConfig;
  if (extra) {
    const ndots = extra.options?.find((o) => o.name === 'ndots')?.value;
    conf = {
      nameservers: [...conf.nameservers, ...(extra.nameservers ?? [])].slice(0, 3),
      search: [...conf.search, ...(extra.searches ?? [])].slice(0, 32),
      ndots: ndots !== undefined && /^\d+$/.test(ndots) ? Number(ndots) : conf.ndots,
    };
  }
  return conf;
}

/** The names getaddrinfo asks for, in order. */
export function candidates(host: string, conf: ResolvConf): string[] {
  if (host.endsWith('.')) return [host.slice(0, -1)];
  const dots = host.split('.').length - 1;
  const searched = conf.search.map((d) => `${host}.${d}`);
  return dots >= conf.ndots ? [host, ...searched] : [...searched, host];
}

/**
 * getaddrinfo's A lookup: the first address any candidate name has; 'NXDOMAIN' when every
 * candidate is unknown; 'ETIMEDOUT' when no nameserver answers (after `timeout × attempts`).
 */
export function lookupA(host: string, conf: ResolvConf, query: DnsQuery): { ip: string; name: string } | 'NXDOMAIN' | 'ETIMEDOUT' {
  if (!conf.nameservers.length) return 'NXDOMAIN';
  for (const name of candidates(host, conf)) {
    let reply: DnsReply | 'ETIMEDOUT' = 'ETIMEDOUT';
    for (const server of conf.nameservers) {
      reply = query(server, name, 'A');
      if (reply !== 'ETIMEDOUT') break;
    }
    if (reply === 'ETIMEDOUT') return 'ETIMEDOUT';
    const a = reply.answers.find((r) => r.type === 'A');
    if (a) return { ip: a.data, name };
  }
  return 'NXDOMAIN';
}

/** Parsed /etc/hosts by text: a pod's file is the same for every request it makes. */
const HOSTS = new Map<string, ReadonlyMap<string, string>>();
const HOSTS_KEPT = 512;

/** /etc/hosts as the kubelet writes it (../../fs/kubelet-files.ts): name → first IPv4 address. */
export function parseHosts(text: string): ReadonlyMap<string, string> {
  let known = HOSTS.get(text);
  if (!known) {
    if (HOSTS.size >= HOSTS_KEPT) HOSTS.clear();
    HOSTS.set(text, (known = readHosts(text)));
  }
  return known;
}

function readHosts(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    if (words.length < 2 || !/^\d+\.\d+\.\d+\.\d+$/.test(words[0])) continue;
    for (const name of words.slice(1)) if (!out.has(name.toLowerCase())) out.set(name.toLowerCase(), words[0]);
  }
  return out;
}
