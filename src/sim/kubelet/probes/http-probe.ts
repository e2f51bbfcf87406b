/**
 * httpGet probes as pkg/probe/http does them: GET scheme://host:port/path with
 * `User-Agent: kube-probe/1.32` and an Accept header for any type (the probe's httpHeaders override them);
 * 200–399 is success; redirects to the same host are followed (at most 10), a redirect to
 * another host stops there and is a warning; any other status is
 * "HTTP probe failed with statuscode: N"; a transport error is the failure's output.
 */
import type { Container, HTTPGetAction } from 'kubernetes-types/core/v1';
import type { HttpAnswer } from '../../images';
import { errored, failure, success, type ProbeOutcome } from './outcome';
import { resolvePort } from './port';
import { hostPort, reachesPod, type ProbeTarget } from './target';

export const PROBE_USER_AGENT = 'kube-probe/1.32';
const MAX_REDIRECTS = 10;
/** pkg/probe/http: maxRespBodyLength. */
const MAX_BODY = 10 * 1024;

export function httpProbe(action: HTTPGetAction, container: Container, target: ProbeTarget): ProbeOutcome {
  const port = resolvePort(action.port, container);
  if (typeof port !== 'number') return errored(port.error);
  const scheme = (action.scheme ?? 'HTTP').toLowerCase();
  const host = action.host || target.podIP;
  const path = !action.path ? '' : action.path.startsWith('/') ? action.path : `/${action.path}`;
  const headers: Record<string, string> = { 'User-Agent': PROBE_USER_AGENT, Accept: '*/*' };
  for (const h of action.httpHeaders ?? []) headers[canonicalHeader(h.name)] = h.value;
  let url = `${scheme}://${hostPort(host, port)}${path}`;
  let reqPath = path || '/';
  for (let hops = 0; ; hops++) {
    const get = `Get ${JSON.stringify(url)}`;
    const listener = reachesPod(action.host, target) ? target.listener(port) : undefined;
    if (!listener) return failure(`${get}: dial tcp ${hostPort(host, port)}: connect: connection refused`);
    // The kubelet's HTTPS skips certificate checks (InsecureSkipVerify): only the protocol must match.
    if (scheme === 'https' && !listener.server.tls) return failure(`${get}: http: server gave HTTP response to HTTPS client`);
    if (scheme === 'http' && listener.server.tls) return failure('HTTP probe failed with statuscode: 400');
    const app = listener.http ?? listener.server.http;
    if (!app) return failure(`${get}: EOF`);
    const answer: HttpAnswer = app({ ...listener.ctx, method: 'GET', path: reqPath, headers, port });
    const body = answer.body.slice(0, MAX_BODY);
    const location = answer.headers?.Location;
    if (answer.status >= 300 && answer.status < 400 && location !== undefined) {
      const next = resolveLocation(location, scheme, host, port);
      if (next.host !== hostPort(host, port)) return { result: 'warning', output: `Probe terminated redirects, Response body: ${body}` };
      if (hops + 1 >= MAX_REDIRECTS) return failure(`Get ${JSON.stringify(next.url)}: stopped after ${MAX_REDIRECTS} redirects`);
      url = next.url;
      reqPath = next.path;
      continue;
    }
    if (answer.status >= 200 && answer.status < 400) return success(body);
    return failure(`HTTP probe failed with statuscode: ${answer.status}`);
  }
}

/** A Location header resolved against the request URL. */
function resolveLocation(location: string, scheme: string, host: string, port: number): { url: string; host: string; path: string } {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(location);
  if (m) return { url: location, host: m[2], path: m[3] || '/' };
  const path = location.startsWith('/') ? location : `/${location}`;
  return { url: `${scheme}://${hostPort(host, port)}${path}`, host: hostPort(host, port), path };
}

/** Go's textproto.CanonicalMIMEHeaderKey: `x-custom-header` → `X-Custom-Header`. */
export function canonicalHeader(name: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(name)) return name;
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());
}
