/**
 * The token the kubelet asks the api-server for (TokenRequest) and writes into a projected
 * volume: a JWT whose claims name the service account, namespace, pod and node. The kubelet
 * asks for 3607 s for `kube-api-access-*` volumes; the api-server (extend-token-expiration)
 * then issues a year and warns after 3607 s. Deterministic: the "signature" is a hash.
 */
import { encodeBase64Url } from '../core/base64';

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: the kubelet's own request, extended. */
const LEGACY_EXPIRATION_S = 3607;
const EXTENDED_EXPIRATION_S = 365 * 24 * 3600;

export interface TokenClaims {
  namespace: string;
  serviceAccount: { name: string; uid: string };
  pod: { name: string; uid: string };
  node: { name: string; uid: string };
  audiences?: string[];
  expirationSeconds: number;
  /** Issued at (virtual ms). */
  issuedAt: number;
}

export function serviceAccountToken(c: TokenClaims): string {
  const iat = Math.floor(c.issuedAt / 1000);
  const extended = c.expirationSeconds === LEGACY_EXPIRATION_S;
  const exp = iat + (extended ? EXTENDED_EXPIRATION_S : c.expirationSeconds);
  const k8s: Record<string, unknown> = {
    namespace: c.namespace,
    node: c.node,
    pod: c.pod,
    serviceaccount: c.serviceAccount,
  };
  if (extended) k8s.warnafter = iat + LEGACY_EXPIRATION_S;
  const claims = {
    aud: c.audiences?.length ? c.audiences : [ISSUER],
    exp,
    iat,
    iss: ISSUER,
    jti: uuidFrom(`${c.pod.uid}/${c.serviceAccount.uid}/${iat}`),
    'kubernetes.io': k8s,
    nbf: iat,
    sub: `system:serviceaccount:${c.namespace}:${c.serviceAccount.name}`,
  };
  const header = { alg: 'RS256', kid: encodeBase64Url(bytesFrom('kid', 32)) };
  const body = `${encodeBase64Url(JSON.stringify(header))}.${encodeBase64Url(JSON.stringify(claims))}`;
  return `${body}.${encodeBase64Url(bytesFrom(body, 256))}`;
}

/** `n` bytes derived from `seed` (xorshift over an FNV-1a hash). */
function bytesFrom(seed: string, n: number): Uint8Array {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    out[i] = h & 255;
  }
  return out;
}

function uuidFrom(seed: string): string {
  const b = bytesFrom(seed, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
