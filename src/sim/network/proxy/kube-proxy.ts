/**
 * kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go) deciding where one connection to a
 * Service goes: a uniformly random endpoint among the ready ones (`-m statistic --mode random`),
 * from the cluster's seeded stream; the serving-and-terminating ones when none is ready
 * (pkg/proxy/topology.go CategorizeEndpoints); none at all ⇒ the REJECT rule (connection
 * refused). `sessionAffinity: ClientIP` pins a client to its endpoint (`-m recent`) until the
 * timeout passes unused. External traffic with `externalTrafficPolicy: Local` only reaches
 * endpoints on the node it arrived at, and is dropped where there are none.
 */
import type { Rng } from '../../core/rng';
import type { Backend, Frontend, ServiceTable } from './service-table';

/** How the connection reached the frontend. */
export type Entry = { via: 'ClusterIP' | 'LoadBalancer' } | { via: 'NodePort'; node: string };

export class KubeProxy {
  /** `service/port|clientIP` → the pinned endpoint and when it was last used. */
  private readonly affinity = new Map<string, { ip: string; port: number; at: number }>();

  constructor(
    readonly table: ServiceTable,
    private readonly rng: Rng,
    private readonly now: () => number,
  ) {}

  /** The endpoint a connection from `clientIP` gets, or why there is none. */
  route(f: Frontend, clientIP: string, entry: Entry): Backend | 'ECONNREFUSED' | 'ETIMEDOUT' {
    const all = this.table.endpoints(f.service, f.port.name ?? '');
    let pool = usable(all);
    const external = entry.via !== 'ClusterIP';
    if (external && f.externalLocal && entry.via === 'NodePort') {
      pool = pool.filter((b) => b.nodeName === entry.node);
      // No local endpoint: the node drops the packet (KUBE-EXT chain ends in DROP).
      if (pool.length === 0) return 'ETIMEDOUT';
    }
    if (pool.length === 0) return 'ECONNREFUSED';
    if (f.affinityMs === undefined) return pool.length === 1 ? pool[0] : pool[Math.floor(this.rng.next() * pool.length)];
    const key = `${f.service}/${f.port.port}|${clientIP}`;
    const now = this.now();
    const pinned = this.affinity.get(key);
    if (pinned && now - pinned.at <= f.affinityMs) {
      const b = pool.find((x) => x.ip === pinned.ip && x.port === pinned.port);
      if (b) {
        pinned.at = now;
        return b;
      }
    }
    const b = pool.length === 1 ? pool[0] : pool[Math.floor(this.rng.next() * pool.length)];
    this.affinity.set(key, { ip: b.ip, port: b.port, at: now });
    return b;
  }
}

/** Ready endpoints; else those still serving while terminating. Memoised per backend list. */
function usable(all: readonly Backend[]): readonly Backend[] {
  let cached = USABLE.get(all);
  if (cached) return cached;
  cached = all.filter((b) => b.ready);
  if (cached.length === 0) cached = all.filter((b) => b.serving && b.terminating);
  USABLE.set(all, cached);
  return cached;
}

const USABLE = new WeakMap<readonly Backend[], readonly Backend[]>();
