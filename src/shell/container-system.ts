/**
 * What a program inside a container may ask of the container runtime and the pod network,
 * as optional `System` members (./program.ts): the kubelet's exec plumbing provides them
 * (src/sim/kubelet/exec/), a host shell or a test may leave them out ("not here").
 */

/** One process of the container (`ps`): PID 1 is its main process. */
export interface ProcessEntry {
  pid: number;
  user: string;
  /** The command line as `ps` shows it (argv joined by spaces, or the process's own title). */
  command: string;
  /** Virtual ms since the epoch the process started. */
  startedAt: number;
}

/** Why a connection failed, as errno names (programs say it in their own words). */
export type NetError = 'ECONNREFUSED' | 'ETIMEDOUT' | 'EHOSTUNREACH';

export interface HttpRequest {
  method: string;
  /** As written in the URL (`localhost`, `10.244.1.5`). */
  host: string;
  port: number;
  /** Path and query (`/`, `/healthz?x=1`). */
  path: string;
  headers: Array<[string, string]>;
  /** What `curl -d` or `wget --post-data` sends. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** `OK`, `Not Found`. */
  reason: string;
  /** In the order the server sends them. */
  headers: Array<[string, string]>;
  body: string;
}

/** A DNS record type a query may ask for. */
export type RRType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'TXT' | 'MX' | 'NS' | 'SOA';

export interface DnsRecord {
  name: string;
  type: 'A' | 'SRV' | 'PTR' | 'CNAME';
  /** The address (A), or the target name (SRV, PTR, CNAME). */
  data: string;
  /** SRV's priority, weight and port. */
  srv?: { priority: number; weight: number; port: number };
}

/** A nameserver's reply to one query (the answer section; CoreDNS answers authoritatively). */
export interface DnsReply {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DnsRecord[];
}

/** What /etc/resolv.conf says: nameservers, search domains, `options ndots:N`. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

export interface ContainerSystem {
  /**
   * The IPv4 address `host` names (getaddrinfo: /etc/hosts, then DNS with the search list), or
   * undefined (no such host), or 'ETIMEDOUT' (no nameserver answered: the caller waits for it).
   */
  resolve?(host: string): string | undefined | 'ETIMEDOUT';
  /** One DNS query to `server` (nslookup): its reply, or 'ETIMEDOUT' when nothing answers on server:53. */
  dns?(server: string, name: string, type: RRType): DnsReply | 'ETIMEDOUT';
  /** The resolver's configuration (/etc/resolv.conf). */
  resolvConf?(): ResolvConf;
  /** Whether something accepts a TCP connection on `ip:port`. */
  connect?(ip: string, port: number): true | NetError;
  /** One HTTP exchange with whatever listens on `ip:port`. */
  http?(ip: string, port: number, request: HttpRequest): HttpResponse | NetError;
  /** The container's processes, PID order, the caller last. */
  processes?(): ProcessEntry[];
  /** Sends `signal` (number) to `pid`; `ESRCH` when there is no such process. */
  signal?(pid: number, signal: number): 'ESRCH' | undefined;
}
