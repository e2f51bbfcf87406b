/**
 * What ingress-nginx's `ingress-nginx-admission-create` Job does (kube-webhook-certgen
 * `create --secret-name=ingress-nginx-admission`): the webhook's certificate Secret, with keys
 * `ca`, `cert` and `key`, which the controller pod mounts as `webhook-cert`. Jobs are not
 * served yet (./ingress-nginx.ts leaves them out), so this stands in for it: when the add-on's
 * admission ServiceAccount appears, the Secret is made. PEM-shaped, never a real key.
 */
import type { SimContext } from '../context';

const NAMESPACE = 'ingress-nginx';
const NAME = 'ingress-nginx-admission';
const CERT = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lSQUtwMWEyVndiR0Y1TFdsdVozSmxjM010WTJFd0NnWUlLb1pJemowRUF3SXcKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const KEY = 'LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUd0MVltVndiR0Y1TFdsdVozSmxjM010Ym1kcGJuZ3RkMlZpYUc5dmF5MXJaWG1nQ2dZSUtvWkkKLS0tLS1FTkQgRUMgUFJJVkFURSBLRVktLS0tLQo=';

export function startIngressNginxCertgen(ctx: SimContext): void {
  ctx.store.subscribe((e) => {
    const m = e.object.metadata;
    if (e.type !== 'ADDED' || m.namespace !== NAMESPACE || m.name !== NAME) return;
    ctx.clock.after(0, () => {
      if (ctx.store.get('secrets', NAMESPACE, NAME)) return;
      try {
        ctx.api.create('secrets', NAMESPACE, { apiVersion: 'v1', kind: 'Secret', metadata: { name: NAME, namespace: NAMESPACE }, data: { ca: CERT, cert: CERT, key: KEY } });
      } catch {
        // The namespace is going away: nothing to certify.
      }
    }, 'ingress-nginx-admission-create');
  }, 'serviceaccounts');
}
