/**
 * `POST …/serviceaccounts/NAME/token` (TokenRequest): a bound service-account token, shaped as the
 * api-server signs one — a JWT whose claims name the account, issued by kind's issuer
 * `https://kubernetes.default.svc.cluster.local` — deterministic, never a real signature.
 */
import { invalid, notFound } from '../api/errors';
import type { ApiServer } from '../api/apiserver';
import type { Rng } from '../core/rng';

export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** The shortest token the api-server issues (10 minutes). */
const MIN_EXPIRATION_SECONDS = 600;
const DEFAULT_EXPIRATION_SECONDS = 3600;

export interface TokenRequestOptions {
  expirationSeconds?: number;
  audiences?: string[];
}

export function requestToken(api: ApiServer, rng: Rng, namespace: string, name: string, opts: TokenRequestOptions = {}): string {
  const sa = api.tryGet('serviceaccounts', namespace, name);
  if (!sa) throw notFound('serviceaccounts', '', name);
  const expiration = opts.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  if (expiration < MIN_EXPIRATION_SECONDS) {
    throw invalid('TokenRequest', 'authentication.k8s.io', name, [{ type: 'Invalid value', field: 'spec.expirationSeconds', value: String(expiration), detail: 'may not specify a duration less than 10 minutes' }]);
  }
  const iat = Math.floor(api.clock.now() / 1000);
  const header = { alg: 'RS256', kid: rng.fork('signing-key').string(43, URL_SAFE) };
  const claims = {
    aud: opts.audiences?.length ? opts.audiences : [SERVICE_ACCOUNT_ISSUER],
    exp: iat + expiration,
    iat,
    iss: SERVICE_ACCOUNT_ISSUER,
    jti: rng.uuid(),
    'kubernetes.io': { namespace, serviceaccount: { name, uid: sa.metadata.uid } },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${rng.string(342, URL_SAFE)}`;
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
