/**
 * The pod network as a process inside a pod sees it: `localhost` and the pod's own IP reach
 * the pod's own containers (one network namespace), another pod's IP reaches that pod. A port
 * is open once a running container's server has finished starting (its last start-up line), so
 * postgres or mysql refuse connections for their first seconds. Service names and VIPs come with
 * DNS and kube-proxy (a later issue).
 */
import type { ContainerSystem, HttpRequest, HttpResponse, NetError } from '../../../shell/container-system';
import { serveFile } from '../../images/static-site';
import { appStateOf } from '../../images';
import type { PodSandbox, PodsByIP, RunningContainer } from './sandbox';

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

export function podNetwork(self: PodSandbox, byIP: PodsByIP, now: number): Required<Pick<ContainerSystem, 'resolve' | 'connect' | 'http'>> {
  const hostname = self.pod.spec?.hostname ?? self.pod.metadata?.name;
  const target = (ip: string): PodSandbox | undefined => (ip.startsWith('127.') || ip === self.podIP ? self : byIP(ip));
  const listener = (ip: string, port: number): RunningContainer | NetError => {
    const pod = target(ip);
    if (!pod) return 'EHOSTUNREACH';
    const c = pod.running().find((x) => x.plan.ports?.includes(port) && x.plan.server && listening(x, now));
    return c ?? 'ECONNREFUSED';
  };
  return {
    resolve(host) {
      if (host === 'localhost') return '127.0.0.1';
      if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
      if (host === hostname) return self.podIP;
      return undefined;
    },
    connect(ip, port) {
      const c = listener(ip, port);
      return typeof c === 'string' ? c : true;
    },
    http(ip, port, req) {
      const c = listener(ip, port);
      return typeof c === 'string' ? c : answer(c, req, now, hostname ?? undefined);
    },
  };
}

/** Whether the server has finished starting by `now` (listening from its last start-up line). */
function listening(c: RunningContainer, now: number): boolean {
  const server = c.plan.server!;
  const lines = server.startup(c.image.version, c.plan.ports ?? []);
  const ready = lines.length ? Math.max(...lines.map(([at]) => at)) : 0;
  return now >= c.startedAt + ready;
}

/**
 * One container's server answering one request: files under its docroot (nginx, httpd), else
 * its app, with the state of this instance (kuard's switches) and its uptime. Probes and
 * programs inside pods both come here.
 */
export function answer(c: RunningContainer, req: HttpRequest, now: number, hostname?: string): HttpResponse {
  const server = c.plan.server!;
  const name = server.serverName?.(c.image.version) ?? c.image.repository.split('/').pop()!;
  if (server.docroot) return serveFile(server.docroot, name, c.files.view(now), req, now);
  if (!server.http) return { status: 0, reason: '', headers: [], body: '' };
  const a = server.http({ method: req.method, path: req.path, headers: Object.fromEntries(req.headers), body: req.body, port: req.port, uptimeMs: now - c.startedAt, state: appStateOf(c.plan), hostname });
  const body = req.method === 'HEAD' ? '' : a.body;
  return { status: a.status, reason: REASONS[a.status] ?? '', headers: [['Content-Type', a.contentType], ['Content-Length', String(a.body.length)], ...Object.entries(a.headers ?? {})], body };
}
