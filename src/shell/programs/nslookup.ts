/**
 * busybox 1.29+ `nslookup` (1.37's networking/nslookup.c, FEATURE_NSLOOKUP_BIG: its own resolver):
 * `nslookup [-type=T] HOST [SERVER]`. A dotless HOST is asked under every search domain of
 * /etc/resolv.conf (add_query_with_search; `ndots` is not read, so `web.default` is asked as
 * is and is not found), A then AAAA; an IP is a PTR query. Each reply prints as it comes:
 * `Name:\tNAME` / `Address: IP`, `** server can't find NAME: NXDOMAIN`, `*** Can't find NAME:
 * No answer`, each followed by a blank line, after the `Server:`/`Address:` header. No server
 * answering: `;; connection timed out; no servers could be reached` after 5 s per server.
 */
import type { DnsReply, RRType } from '../container-system';
import type { ShellProgram } from '../interpreter';
import { waitMs } from './net-wait';
import { nslookupClassic } from './nslookup-classic';

const USAGE = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';
const TYPES: RRType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'PTR', 'SRV'];
/** busybox's `default_timeout` (5 s). */
const QUERY_TIMEOUT_MS = 5000;

export const nslookup: ShellProgram = function* (io) {
  if (classic(io.sys.busybox)) return yield* nslookupClassic(io);
  const types: RRType[] = [];
  const args = io.argv.slice(1);
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const m = /^-(\w+)(?:=(.*))?$/.exec(args[i]);
    const opt = m?.[1];
    if (opt === 'type' || opt === 'querytype' || opt === 'q' || opt === 'query') {
      const t = (m?.[2] ?? '').toUpperCase();
      if (t === 'ANY') types.push(...TYPES);
      else if (TYPES.includes(t as RRType)) types.push(t as RRType);
      else {
        io.err(`nslookup: invalid query type "${m?.[2] ?? ''}"\n`);
        return 1;
      }
    } else if (!['debug', 'port', 'retry', 't', 'timeout'].includes(opt ?? '')) {
      io.err(USAGE);
      return 1;
    }
  }
  const host = args[i];
  if (!host || args.length > i + 2) {
    io.err(USAGE);
    return 1;
  }
  const conf = io.sys.resolvConf?.() ?? { nameservers: [], search: [], ndots: 1 };
  const servers = args[i + 1] ? [args[i + 1]] : conf.nameservers.length ? conf.nameservers : ['127.0.0.1'];
  const queries: Array<[string, RRType]> = [];
  const ptr = reverseName(host);
  const withSearch = (type: RRType) => {
    if (host.includes('.') || !conf.search.length) queries.push([host, type]);
    else for (const d of conf.search) queries.push([`${host}.${d}`, type]);
  };
  if (!types.length) {
    if (ptr) queries.push([ptr, 'PTR']);
    else {
      withSearch('A');
      withSearch('AAAA');
    }
  } else for (const t of types) withSearch(t);

  for (const server of servers) {
    const ask = io.sys.dns;
    const first = ask ? ask(server, queries[0][0], queries[0][1]) : 'ETIMEDOUT';
    if (first === 'ETIMEDOUT') {
      yield* waitMs(QUERY_TIMEOUT_MS);
      continue;
    }
    io.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
    let code = 0;
    queries.forEach(([name, type], n) => {
      const reply = n === 0 ? first : ask!(server, name, type);
      if (reply === 'ETIMEDOUT') return;
      if (reply.rcode !== 'NOERROR') code = 1;
      io.out(printReply(name, reply) + '\n');
    });
    return code;
  }
  io.out(';; connection timed out; no servers could be reached\n\n');
  return 1;
};

function printReply(name: string, reply: DnsReply): string {
  if (reply.rcode !== 'NOERROR') return `** server can't find ${name}: ${reply.rcode}\n`;
  if (!reply.answers.length) return `*** Can't find ${name}: No answer\n`;
  return reply.answers
    .map((r) => {
      if (r.type === 'A') return `Name:\t${r.name}\nAddress: ${r.data}\n`;
      if (r.type === 'CNAME') return `${r.name}\tcanonical name = ${r.data}\n`;
      if (r.type === 'PTR') return `${r.name}\tname = ${r.data}\n`;
      return `${r.name}\tservice = ${r.srv!.priority} ${r.srv!.weight} ${r.srv!.port} ${r.data}\n`;
    })
    .join('');
}

/** `10.96.0.1` ⇒ `1.0.96.10.in-addr.arpa` (make_ptr), else undefined. */
function reverseName(host: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m && m.slice(1).every((o) => Number(o) <= 255) ? `${m[4]}.${m[3]}.${m[2]}.${m[1]}.in-addr.arpa` : undefined;
}

/** busybox before 1.29 had the libc-based applet (./nslookup-classic.ts). */
function classic(version: string | undefined): boolean {
  const m = /^1\.(\d+)/.exec(version ?? '');
  return !!m && Number(m[1]) < 29;
}
