/**
 * The ingress-nginx controller (registry.k8s.io/ingress-nginx/controller), the add-on of
 * ../addons/ingress-nginx.ts: an Alpine image whose `/nginx-ingress-controller` watches
 * Ingresses and runs nginx. It answers `/healthz` on 10254 (its probes); on 80/443 it is
 * nginx: the data path routes a request through the Ingresses first (../network/ingress/
 * gateway.ts `routeNginx`); what reaches the app itself matched no rule and gets nginx's 404
 * from the default backend. Start-up lines follow v1.11.2's (to our knowledge).
 */
import { MiB } from '../metrics/usage';
import { pathOnly, toRequest } from './http';
import type { ImageFamily, ServerBehaviour } from './types';
import { BUSYBOX } from './userland';

const BANNER = (v: string) => [
  '-------------------------------------------------------------------------------',
  'NGINX Ingress controller',
  `  Release:       v${v}`,
  '  Build:         46e76e5916813cfca2a9b0bfdc34b69a0000f6b9',
  '  Repository:    https://github.com/kubernetes/ingress-nginx',
  '  nginx version: nginx/1.25.5',
  '',
  '-------------------------------------------------------------------------------',
  '',
];

const NOT_FOUND = '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';

const server: ServerBehaviour = {
  binaries: ['nginx-ingress-controller'],
  ports: [80, 443, 8443, 10254],
  timestampStyle: 'glog',
  startup: (v) => [
    ...BANNER(v).map((line): [number, string] => [0, line]),
    [10, 'W{ts}       7 client_config.go:659] Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.'],
    [10, 'I{ts}       7 main.go:205] "Creating API client" host="https://10.96.0.1:443"'],
    [30, 'I{ts}       7 main.go:248] "Running in Kubernetes cluster" major="1" minor="32" git="v1.32.2" state="clean" commit="67a30c0adcf52bd3f56ff0893ce19966be12991f" platform="linux/amd64"'],
    [200, 'I{ts}       7 main.go:101] "SSL fake certificate created" file="/etc/ingress-controller/ssl/default-fake-certificate.pem"'],
    [220, 'I{ts}       7 nginx.go:271] "Starting NGINX Ingress controller"'],
    [1300, 'I{ts}       7 nginx.go:317] "Starting NGINX process"'],
    [1300, 'I{ts}       7 leaderelection.go:250] attempting to acquire leader lease ingress-nginx/ingress-nginx-leader...'],
    [1310, 'I{ts}       7 controller.go:193] "Configuration changes detected, backend reload required"'],
    [1320, 'I{ts}       7 leaderelection.go:260] successfully acquired lease ingress-nginx/ingress-nginx-leader'],
    [1400, 'I{ts}       7 controller.go:213] "Backend successfully reloaded"'],
    [1400, 'I{ts}       7 controller.go:224] "Initial sync, sleeping for 1 second"'],
  ],
  http: (req) => {
    const r = toRequest(req);
    if (r.port === 10254 || (r.port === undefined && pathOnly(r.path) === '/healthz')) {
      return pathOnly(r.path) === '/healthz' ? { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' } : { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };
    }
    return { status: 404, contentType: 'text/html', body: NOT_FOUND };
  },
  serverName: () => 'nginx',
  shutdown: ['I{ts}       7 main.go:107] "Received SIGTERM, shutting down"'],
  shutdownMs: 300,
};

export const ingressNginx: ImageFamily = {
  name: 'ingress-nginx',
  repositories: [
    {
      repository: 'registry.k8s.io/ingress-nginx/controller',
      tags: { 'v1.11.2': [105360422, '1.11.2'], 'v1.11.3': [105412871, '1.11.3'], 'v1.12.0': [107208013, '1.12.0'] },
      entrypoint: ['/usr/bin/dumb-init', '--'],
      cmd: ['/nginx-ingress-controller'],
      binaries: [...BUSYBOX, 'nginx-ingress-controller', 'nginx', 'dumb-init', 'wait-shutdown'],
      server,
      // Idle use: nginx workers and the controller's informers.
      idle: { cpuMillis: 3, memoryBytes: 92 * MiB },
    },
  ],
};
