/**
 * busybox ≤ 1.28 `nslookup` (networking/nslookup.c before its 1.29 rewrite): `nslookup HOST
 * [SERVER]` through the libc resolver — /etc/hosts, then the search list and `ndots` of
 * /etc/resolv.conf, as getaddrinfo does — which is why the kubernetes.io DNS pages pin
 * busybox:1.28 (`nslookup kubernetes.default` fails with the newer applet). print_host prints the
 * server, then the name, each address with its reverse name when it has one:
 *
 *   Server:    10.96.0.10
 *   Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
 *
 *   Name:      kubernetes.default
 *   Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local
 *
 * An unknown name: `nslookup: can't resolve 'x'` (bb_error_msg, stderr), exit 1.
 */
import type { ResolvConf } from '../container-system';
import type { ProgramIO } from '../program';
import type { ShellRun } from '../interpreter';
import { RESOLVER_TIMEOUT_MS, waitMs } from './net-wait';

const USAGE = 'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n';
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

type Lookup = string[] | 'NXDOMAIN' | 'ETIMEDOUT';

export function* nslookupClassic(io: ProgramIO): ShellRun<number> {
  const [host, serverArg, extra] = io.argv.slice(1);
  if (!host || host.startsWith('-') || extra !== undefined) {
    io.err(USAGE);
    return 1;
  }
  const conf = io.sys.resolvConf?.() ?? { nameservers: [], search: [], ndots: 1 };
  const server = serverArg ?? conf.nameservers[0] ?? '127.0.0.1';
  const ask = (name: string, type: 'A' | 'PTR') => io.sys.dns?.(server, name, type) ?? 'ETIMEDOUT';

  const serverName = yield* reverse(server, ask);
  io.out(block('Server:', server, [[server, serverName]]) + '\n');

  const found = IPV4.test(host) ? [host] : forward(host, conf, ask, io);
  if (found === 'ETIMEDOUT') yield* waitMs(RESOLVER_TIMEOUT_MS);
  if (typeof found === 'string') {
    io.err(`nslookup: can't resolve '${host}'\n`);
    return 1;
  }
  const named: Array<[string, string | undefined]> = [];
  for (const ip of found) named.push([ip, yield* reverse(ip, ask)]);
  io.out(block('Name:', host, named));
  return 0;
}

/** print_host: `%-10s %s` then `Address N: IP[ NAME]`. */
function block(header: string, name: string, addresses: Array<[string, string | undefined]>): string {
  const lines = [`${header.padEnd(10)} ${name}`];
  addresses.forEach(([ip, rev], i) => lines.push(`Address ${i + 1}: ${ip}${rev ? ` ${rev}` : ''}`));
  return lines.join('\n') + '\n';
}

/** getnameinfo: the PTR name of `ip`, if the server gives one (a silent server costs its timeout). */
function* reverse(ip: string, ask: (name: string, type: 'PTR') => ReturnType<NonNullable<ProgramIO['sys']['dns']>> | 'ETIMEDOUT'): ShellRun<string | undefined> {
  const m = IPV4.exec(ip);
  if (!m) return undefined;
  const reply = ask(`${m[4]}.${m[3]}.${m[2]}.${m[1]}.in-addr.arpa`, 'PTR');
  if (reply === 'ETIMEDOUT') {
    yield* waitMs(RESOLVER_TIMEOUT_MS);
    return undefined;
  }
  return reply.answers.find((r) => r.type === 'PTR')?.data.replace(/\.$/, '');
}

/** getaddrinfo's A lookup: the search list by `ndots`, then /etc/hosts for names DNS does not know. */
function forward(host: string, conf: ResolvConf, ask: (name: string, type: 'A') => ReturnType<NonNullable<ProgramIO['sys']['dns']>> | 'ETIMEDOUT', io: ProgramIO): Lookup {
  const dots = host.split('.').length - 1;
  const searched = host.endsWith('.') ? [] : conf.search.map((d) => `${host}.${d}`);
  const names = host.endsWith('.') ? [host.slice(0, -1)] : dots >= conf.ndots ? [host, ...searched] : [...searched, host];
  for (const name of names) {
    const reply = ask(name, 'A');
    if (reply === 'ETIMEDOUT') return 'ETIMEDOUT';
    const ips = reply.answers.filter((r) => r.type === 'A').map((r) => r.data);
    if (ips.length) return ips;
  }
  const hosts = io.sys.resolve?.(host);
  return typeof hosts === 'string' && hosts !== 'ETIMEDOUT' ? [hosts] : 'NXDOMAIN';
}
