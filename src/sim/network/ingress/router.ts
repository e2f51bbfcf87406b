/**
 * Ingress routing, a pure function of the Ingresses one controller serves: the host first
 * (exact, then a `*.` wildcard), then the path (Exact; Prefix by `/`-separated elements;
 * ImplementationSpecific as the controller reads it), the longest match winning and Exact
 * beating Prefix on a tie; with no match, an Ingress's `defaultBackend`.
 *
 * Two readings, as the two controllers a kind user meets read the same objects:
 * - `gateway` — cloud-provider-kind translates each Ingress into Gateway API HTTPRoutes
 *   (`pkg/ingress`): ImplementationSpecific is PathPrefix, a wildcard host matches any depth of
 *   subdomain, a host with rules never falls back to another backend, and an Ingress's
 *   defaultBackend is dropped when it has rules without a host.
 * - `nginx` — ingress-nginx: ImplementationSpecific is nginx's own string prefix, a wildcard
 *   covers one label, an Ingress's defaultBackend serves the hosts it names when no path
 *   matches, and `nginx.ingress.kubernetes.io/rewrite-target` (or `use-regex`) turns the
 *   host's paths into case-insensitive regexes, the matched path rewritten (`/$2`).
 */
import type { Ingress, IngressBackend } from 'kubernetes-types/networking/v1';
import type { IngressRoute } from '../types';

export type RouterFlavour = 'gateway' | 'nginx';

export const REWRITE_TARGET = 'nginx.ingress.kubernetes.io/rewrite-target';
export const USE_REGEX = 'nginx.ingress.kubernetes.io/use-regex';

interface PathEntry {
  ingress: string;
  path: string;
  type: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  backend: IngressBackend;
  namespace: string;
  rewrite?: string;
  /** Ingress order (creation, then name): the older wins a tie, as both controllers sort. */
  rank: number;
}

interface HostTable {
  paths: PathEntry[];
  regex: boolean;
  /** nginx: the defaultBackend of the (oldest) Ingress naming this host. */
  fallback?: PathEntry;
}

export interface IngressRouter {
  /** Where a request for `host` (the Host header, a port allowed) and `path` (a query allowed) goes; undefined ⇒ the controller's own 404. */
  route(host: string, path: string): IngressRoute | undefined;
  /**
   * HTTPS for `host` (the SNI name): the Secret of the `spec.tls` entry naming it (`''` for an
   * entry without one), or undefined when none does: the controller then presents its default
   * certificate (ingress-nginx's "Kubernetes Ingress Controller Fake Certificate").
   */
  tlsSecret(host: string): string | undefined;
  /** Some Ingress asks for TLS: cloud-provider-kind's Gateway opens its 443 listener only then. */
  readonly servesTls: boolean;
}

/** Builds the routing table once; `route` then costs a map lookup and a scan of one host's paths. */
export function buildRouter(ingresses: readonly Ingress[], flavour: RouterFlavour): IngressRouter {
  const ordered = [...ingresses].sort(byAge);
  const exact = new Map<string, HostTable>();
  const wildcard = new Map<string, HostTable>();
  const anyHost: HostTable = { paths: [], regex: false };
  let defaultBackend: PathEntry | undefined;
  const tlsExact = new Map<string, string>();
  const tlsWildcard = new Map<string, string>();
  let servesTls = false;
  ordered.forEach((ing, rank) => {
    for (const t of ing.spec?.tls ?? []) {
      if (t.secretName) servesTls = true;
      for (const h of t.hosts ?? []) {
        const host = h.toLowerCase();
        const map = host.startsWith('*.') ? tlsWildcard : tlsExact;
        const key = host.startsWith('*.') ? host.slice(2) : host;
        if (!map.has(key)) map.set(key, t.secretName ?? '');
      }
    }
    const namespace = ing.metadata?.namespace ?? 'default';
    const id = `${namespace}/${ing.metadata?.name}`;
    const annotations = ing.metadata?.annotations ?? {};
    const rewrite = flavour === 'nginx' ? annotations[REWRITE_TARGET] : undefined;
    const regex = flavour === 'nginx' && (rewrite !== undefined || annotations[USE_REGEX] === 'true');
    const def = ing.spec?.defaultBackend;
    const defEntry: PathEntry | undefined = def ? { ingress: id, path: '/', type: 'Prefix', backend: def, namespace, rank } : undefined;
    // cloud-provider-kind builds an Ingress's host-less route from its host-less rules when it has
    // some, and only otherwise from spec.defaultBackend.
    const hostless = (ing.spec?.rules ?? []).some((r) => !r.host && r.http);
    if (defEntry && !defaultBackend && !(flavour === 'gateway' && hostless)) defaultBackend = defEntry;
    for (const rule of ing.spec?.rules ?? []) {
      const host = (rule.host ?? '').toLowerCase();
      const table = host === '' ? anyHost : tableFor(host.startsWith('*.') ? wildcard : exact, host.startsWith('*.') ? host.slice(2) : host);
      if (regex) table.regex = true;
      if (flavour === 'nginx' && host && defEntry && !table.fallback) table.fallback = defEntry;
      for (const p of rule.http?.paths ?? []) {
        table.paths.push({ ingress: id, path: p.path || '/', type: (p.pathType ?? 'Prefix') as PathEntry['type'], backend: p.backend, namespace, rewrite, rank });
      }
    }
  });

  return {
    servesTls,
    tlsSecret(name) {
      const host = name.replace(/:\d+$/, '').toLowerCase();
      const exactHit = tlsExact.get(host);
      if (exactHit !== undefined) return exactHit;
      const dot = host.indexOf('.');
      return dot < 0 ? undefined : tlsWildcard.get(host.slice(dot + 1));
    },
    route(hostHeader, target) {
      const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
      const q = target.indexOf('?');
      const path = q < 0 ? target : target.slice(0, q);
      const query = q < 0 ? '' : target.slice(q);
      const table = exact.get(host) ?? wildcardTable(wildcard, host, flavour);
      if (table) {
        const hit = match(table, path, flavour) ?? (flavour === 'nginx' ? table.fallback && { entry: table.fallback, path } : undefined);
        // A host with its own rules keeps to them: no match is the controller's 404.
        return hit ? toRoute(hit.entry, hit.path + query) : undefined;
      }
      const hit = match(anyHost, path, flavour);
      if (hit) return toRoute(hit.entry, hit.path + query);
      return defaultBackend ? toRoute(defaultBackend, target) : undefined;
    },
  };
}

function tableFor(map: Map<string, HostTable>, key: string): HostTable {
  let t = map.get(key);
  if (!t) map.set(key, (t = { paths: [], regex: false }));
  return t;
}

/** `*.foo.com` covers `bar.foo.com`; Gateway API also covers `baz.bar.foo.com`. */
function wildcardTable(wildcard: Map<string, HostTable>, host: string, flavour: RouterFlavour): HostTable | undefined {
  if (wildcard.size === 0) return undefined;
  let dot = host.indexOf('.');
  while (dot >= 0) {
    const t = wildcard.get(host.slice(dot + 1));
    if (t) return t;
    if (flavour === 'nginx') return undefined;
    dot = host.indexOf('.', dot + 1);
  }
  return undefined;
}

function match(table: HostTable, path: string, flavour: RouterFlavour): { entry: PathEntry; path: string } | undefined {
  if (table.regex) return matchRegex(table.paths, path);
  let best: PathEntry | undefined;
  let bestLen = -1;
  for (const e of table.paths) {
    const len = matchLength(e, path, flavour);
    if (len < 0) continue;
    const better = len > bestLen || (len === bestLen && best && (rankType(e) < rankType(best) || (rankType(e) === rankType(best) && e.rank < best.rank)));
    if (better) {
      best = e;
      bestLen = len;
    }
  }
  return best && { entry: best, path };
}

/** How long a match `e` makes for `path`, or -1. */
function matchLength(e: PathEntry, path: string, flavour: RouterFlavour): number {
  if (e.type === 'Exact') return path === e.path ? e.path.length : -1;
  if (e.type === 'ImplementationSpecific' && flavour === 'nginx') return path.startsWith(e.path) ? e.path.length : -1;
  // Prefix: element-wise, a trailing slash ignored (`/foo/` matches `/foo`, not `/foobar`).
  const prefix = e.path.length > 1 ? e.path.replace(/\/+$/, '') : e.path;
  if (prefix === '/') return 1;
  return path === prefix || path.startsWith(prefix + '/') ? prefix.length : -1;
}

const rankType = (e: PathEntry) => (e.type === 'Exact' ? 0 : 1);

/** ingress-nginx with regex paths: `~* "^<path>"`, the longest path first; rewrite-target fills `$1`…`$9`. */
function matchRegex(paths: PathEntry[], path: string): { entry: PathEntry; path: string } | undefined {
  const sorted = [...paths].sort((a, b) => b.path.length - a.path.length || a.rank - b.rank);
  for (const e of sorted) {
    let re: RegExp;
    try {
      re = new RegExp(`^${e.path}`, 'i');
    } catch {
      continue;
    }
    const m = re.exec(path);
    if (!m) continue;
    if (e.rewrite === undefined) return { entry: e, path };
    // nginx's `rewrite` replaces the whole URI with the target, captures substituted.
    return { entry: e, path: e.rewrite.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '') || '/' };
  }
  return undefined;
}

function toRoute(e: PathEntry, path: string): IngressRoute | undefined {
  const svc = e.backend.service;
  if (!svc) return undefined;
  const port = svc.port?.number ? { number: svc.port.number } : { name: svc.port?.name ?? '' };
  return { ingress: e.ingress, service: { namespace: e.namespace, name: svc.name, port }, path };
}

function byAge(a: Ingress, b: Ingress): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = `${a.metadata?.namespace}/${a.metadata?.name}`;
  const nb = `${b.metadata?.namespace}/${b.metadata?.name}`;
  return na < nb ? -1 : na > nb ? 1 : 0;
}
