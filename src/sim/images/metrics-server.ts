/**
 * metrics-server (registry.k8s.io/metrics-server/metrics-server), the add-on behind
 * `kubectl top` (../addons/metrics-server.ts). A distroless Go binary: no shell. Its klog start
 * lines follow v0.7.2's (source files and line numbers as v0.7.2 logs them, to our knowledge).
 */
import { MiB } from '../metrics/usage';
import { pathOnly, toRequest } from './http';
import type { ImageFamily, ServerBehaviour } from './types';

const server: ServerBehaviour = {
  binaries: ['metrics-server'],
  ports: 'declared',
  tls: true,
  timestampStyle: 'glog',
  startup: (_v, ports) => [
    [0, 'I{ts}       1 serving.go:374] Generated self-signed cert (/tmp/apiserver.crt, /tmp/apiserver.key)'],
    [400, 'I{ts}       1 handler.go:275] Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager'],
    [500, 'I{ts}       1 requestheader_controller.go:169] Starting RequestHeaderAuthRequestController'],
    [500, 'I{ts}       1 shared_informer.go:313] Waiting for caches to sync for RequestHeaderAuthRequestController'],
    [500, `I{ts}       1 secure_serving.go:213] Serving securely on [::]:${ports[0] ?? 10250}`],
    [500, 'I{ts}       1 tlsconfig.go:243] "Starting DynamicServingCertificateController"'],
    [600, 'I{ts}       1 shared_informer.go:320] Caches are synced for RequestHeaderAuthRequestController'],
  ],
  http: (req) => (['/readyz', '/livez'].includes(pathOnly(toRequest(req).path)) ? { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' } : { status: 403, contentType: 'application/json', body: '{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403}' }),
  shutdown: [],
  shutdownMs: 100,
};

export const metricsServer: ImageFamily = {
  name: 'metrics-server',
  repositories: [
    {
      repository: 'registry.k8s.io/metrics-server/metrics-server',
      tags: { 'v0.7.2': [19495884, 'v0.7.2'], 'v0.7.1': [19384229, 'v0.7.1'], 'v0.6.4': [18732015, 'v0.6.4'] },
      entrypoint: ['/metrics-server'],
      cmd: [],
      binaries: ['metrics-server'],
      server,
      // Idle use of a small cluster's metrics-server: a scrape every 15 s.
      idle: { cpuMillis: 4, memoryBytes: 17 * MiB + 700 * 1024 },
    },
  ],
};
