/**
 * What answers at the end of the data path: a pod's container whose server listens on the port.
 * A port is open once a running container's server has finished starting (its last start-up
 * line), so postgres or mysql refuse connections for their first seconds. Probes and programs
 * inside pods come here too.
 */
import type { HttpRequest, HttpResponse } from '../../shell/container-system';
import { serveFile } from '../images/static-site';
import { appStateOf } from '../images';
import type { PodSandbox, RunningContainer } from '../kubelet/exec/sandbox';
import { FileJournal } from '../fs/journal';

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** The client's source port: Linux's ephemeral range (32768–60999), from the clock so a run repeats. */
function ephemeralPort(now: number): number {
  return 32768 + (now % 28232);
}

/** The running container of `pod` listening on `port` at `now`, if any. */
export function listenerOn(pod: PodSandbox, port: number, now: number): RunningContainer | undefined {
  for (const c of pod.running()) if (c.plan.server && c.plan.ports?.includes(port) && listening(c, now)) return c;
  return undefined;
}

/** Whether the server has finished starting by `now` (listening from its last start-up line). */
function listening(c: RunningContainer, now: number): boolean {
  let ready = READY_AFTER.get(c);
  if (ready === undefined) {
    ready = 0;
    for (const [at] of c.plan.server!.startup(c.image.version, c.plan.ports ?? [])) if (at > ready) ready = at;
    READY_AFTER.set(c, ready);
  }
  return now >= c.startedAt + ready;
}

/** A container instance's start-up length (its plan does not change while it runs). */
const READY_AFTER = new WeakMap<RunningContainer, number>();
/** The files a container serves at one instant: requests in the same instant, with no write between, share one view. */
const VIEWS = new WeakMap<RunningContainer, { at: number; writes: number; view: ReturnType<RunningContainer['files']['view']> }>();

/** Static files' answers within one instant (and no write since), by method and path. */
const ANSWERS = new WeakMap<RunningContainer, { at: number; writes: number; byRequest: Map<string, HttpResponse> }>();

function filesAt(c: RunningContainer, now: number) {
  const v = VIEWS.get(c);
  if (v && v.at === now && v.writes === FileJournal.writes) return v.view;
  const view = c.files.view(now);
  VIEWS.set(c, { at: now, writes: FileJournal.writes, view });
  return view;
}

/**
 * One container's server answering one request: files under its docroot (nginx, httpd), else
 * its app, with the state of this instance (kuard's switches) and its uptime; `podIP` and
 * `clientIP` when it came over the network (kuard's page shows them).
 */
export function answer(c: RunningContainer, req: HttpRequest, now: number, hostname?: string, podIP?: string, clientIP?: string): HttpResponse {
  const server = c.plan.server!;
  const name = server.serverName?.(c.image.version) ?? c.image.repository.split('/').pop()!;
  if (server.docroot) {
    // A server of files answers the same request the same way within one instant.
    const key = `${req.method} ${req.host}:${req.port} ${req.path}`;
    const memo = ANSWERS.get(c);
    const fresh = memo && memo.at === now && memo.writes === FileJournal.writes;
    const hit = fresh ? memo.byRequest.get(key) : undefined;
    if (hit) return hit;
    const res = serveFile(server.docroot, name, filesAt(c, now), req, now);
    if (fresh) memo.byRequest.set(key, res);
    else ANSWERS.set(c, { at: now, writes: FileJournal.writes, byRequest: new Map([[key, res]]) });
    return res;
  }
  if (!server.http) return { status: 0, reason: '', headers: [], body: '' };
  const a = server.http({ method: req.method, path: req.path, headers: Object.fromEntries(req.headers), body: req.body, port: req.port, uptimeMs: now - c.startedAt, state: appStateOf(c.plan), hostname, version: c.image.version, now, ...(podIP ? { addrs: [podIP] } : {}), ...(clientIP ? { remoteAddr: `${clientIP}:${ephemeralPort(now)}` } : {}) });
  const body = req.method === 'HEAD' ? '' : a.body;
  return { status: a.status, reason: REASONS[a.status] ?? '', headers: [...(a.contentType ? [['Content-Type', a.contentType] as [string, string]] : []), ...(a.status === 204 || a.status === 304 ? [] : [['Content-Length', String(a.body.length)] as [string, string]]), ...Object.entries(a.headers ?? {})], body };
}
