/**
 * CoreDNS (registry.k8s.io/coredns/coredns), the cluster DNS kubeadm deploys (../system/coredns.ts).
 * A static Go binary on a distroless base: no shell. It listens on 53 (UDP and TCP: the
 * datapath answers the queries), the health plugin's 8080 `/health`, the ready plugin's 8181
 * `/ready` and the prometheus plugin's 9153 `/metrics`. Its start-up lines are v1.11.3's; the
 * reload plugin logs the SHA512 of the Corefile it loaded (kubeadm's default, ../system/coredns.ts).
 */
import { MiB } from '../metrics/usage';
import { NOT_FOUND, pathOnly, text, toRequest } from './http';
import type { HttpAnswer, HttpRequest, ImageFamily, ServerBehaviour } from './types';

export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
/** sha512 of kubeadm's default Corefile for `cluster.local`, as `plugin/reload` prints it. */
const DEFAULT_COREFILE_SHA512 = 'c35a0471224db80ad6f2c01a8ee2158e00ac67f9894da0707fe9267278a918901a5b98890c7cc765725ab46a5bf009ee04f98f78e33459712318fd74e132404d';
const BUILDS: Record<string, string> = { '1.11.3': 'go1.21.11, a6338e9', '1.11.1': 'go1.20.7, ae2bbc2', '1.10.1': 'go1.20, 055b2c3' };

export const HEALTH_PORT = 8080;
export const READY_PORT = 8181;
export const METRICS_PORT = 9153;

function http(r: HttpRequest | string): HttpAnswer {
  const req = toRequest(r);
  const path = pathOnly(req.path);
  // A bare path (a probe written without a port) is taken as the health plugin's.
  const port = req.port ?? HEALTH_PORT;
  if (port === HEALTH_PORT && path === '/health') return text(200, 'OK');
  if (port === READY_PORT && path === '/ready') return text(200, 'OK');
  if (port === METRICS_PORT && path === '/metrics') return text(200, metrics(), 'text/plain; version=0.0.4; charset=utf-8');
  return NOT_FOUND;
}

function metrics(): string {
  return [
    "# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.",
    '# TYPE coredns_build_info gauge',
    'coredns_build_info{goversion="go1.21.11",revision="a6338e9",version="1.11.3"} 1',
    '# HELP coredns_plugin_enabled A metric that indicates whether a plugin is enabled on per server and zone basis.',
    '# TYPE coredns_plugin_enabled gauge',
    ...['cache', 'errors', 'forward', 'kubernetes', 'loadbalance', 'loop', 'prometheus', 'reload'].map((p) => `coredns_plugin_enabled{name="${p}",server="dns://:53",view="",zone="."} 1`),
    '',
  ].join('\n');
}

const server: ServerBehaviour = {
  binaries: ['coredns'],
  ports: [53, HEALTH_PORT, READY_PORT, METRICS_PORT],
  // /health and /ready answer 200 for as long as it runs: a passing probe need not tick again.
  steadyHealth: true,
  timestampStyle: 'none',
  startup: (v) => [
    [0, '.:53'],
    [0, `[INFO] plugin/reload: Running configuration SHA512 = ${DEFAULT_COREFILE_SHA512}`],
    [0, `CoreDNS-${v}`],
    [0, `linux/amd64, ${BUILDS[v] ?? BUILDS['1.11.3']}`],
  ],
  http,
  // The health plugin's `lameduck 5s`: it keeps answering 5 s after SIGTERM, then exits.
  shutdown: ['[INFO] SIGTERM: Shutting down servers then terminating', '[INFO] plugin/health: Going into lameduck mode for 5s'],
  shutdownMs: 5000,
};

export const coredns: ImageFamily = {
  name: 'coredns',
  repositories: [
    {
      repository: 'registry.k8s.io/coredns/coredns',
      tags: { 'v1.11.3': [18562039, '1.11.3'], 'v1.11.1': [18182961, '1.11.1'], 'v1.10.1': [16190758, '1.10.1'] },
      entrypoint: ['/coredns'],
      cmd: [],
      binaries: ['coredns'],
      server,
      // An idle cluster's CoreDNS: the kubernetes plugin's watches and the health checks.
      idle: { cpuMillis: 2, memoryBytes: 12 * MiB + 800 * 1024 },
    },
  ],
};
