import { describe, expect, it } from 'vitest';
import { ingressControllers } from './ingress-controllers';

const route = { ingress: 'default/shop', service: { namespace: 'default', name: 'web', port: { number: 80 } }, path: '/' };
const replies = {
  gateway: { notFound: { status: 404, body: '' }, noEndpoints: { status: 503, body: 'no healthy upstream' } },
  nginx: { notFound: { status: 404, body: '<html>404</html>' }, noEndpoints: { status: 503, body: '<html>503</html>' } },
};
const controllers = ingressControllers(
  {
    controllerAt: (ip) => (ip === '172.18.0.7' ? 'gateway' : undefined),
    route: (_ip, host) => (host === 'shop.local' ? route : undefined),
    routeNginx: (host) => (host === 'nginx.local' ? route : undefined),
  },
  replies,
);
const pod = (labels: Record<string, string>) => ({ namespace: 'ingress-nginx', name: 'c', ip: '10.244.0.9', nodeName: 'kind-control-plane', labels });

describe('the ingress controllers on the data path', () => {
  it('answers on a Gateway address for HTTP and HTTPS ports only, with its own replies', () => {
    expect(controllers.atAddress('172.18.0.7', 80, 'shop.local', '/')).toEqual({ route, ...replies.gateway });
    expect(controllers.atAddress('172.18.0.7', 443, 'other', '/')).toEqual({ route: undefined, ...replies.gateway });
    expect(controllers.atAddress('172.18.0.7', 8080, 'shop.local', '/')).toBeUndefined();
    expect(controllers.atAddress('172.18.0.3', 80, 'shop.local', '/')).toBeUndefined();
  });

  it('routes what reaches an ingress-nginx controller pod', () => {
    const nginx = pod({ 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' });
    expect(controllers.atPod(nginx, 80, 'nginx.local', '/')).toEqual({ route, ...replies.nginx });
    expect(controllers.atPod(pod({ app: 'web' }), 80, 'nginx.local', '/')).toBeUndefined();
  });
});
