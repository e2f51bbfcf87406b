/**
 * `POST …/serviceaccounts/NAME/token` (TokenRequest): a bound service-account token, shaped as the
 * api-server signs one — a JWT whose claims name the account, issued by kind's issuer
 * `https://kubernetes.default.svc.cluster.local` — deterministic, never a real signature.
 */
import { invalid, notFound, statusError } from '../api/errors';
import type { ApiServer } from '../api/apiserver';
import type { Rng } from '../core/rng';

export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** The shortest token the api-server issues (10 minutes). */
const MIN_EXPIRATION_SECONDS = 600;
const DEFAULT_EXPIRATION_SECONDS = 3600;

export interface TokenRequestOptions {
  expirationSeconds?: number;
  audiences?: string[];
  /** The object the token lives and dies with (`--bound-object-kind`): a Pod, Secret or Node. */
  boundObjectRef?: { kind: string; name: string; uid?: string };
}

/** Where a bound object lives: its resource, and whether it is in the account's namespace. */
const BOUND_KINDS: Record<string, { resource: string; namespaced: boolean }> = {
  Pod: { resource: 'pods', namespaced: true },
  Secret: { resource: 'secrets', namespaced: true },
  Node: { resource: 'nodes', namespaced: false },
};

/**
 * `root` is the cluster's stream: the signing key's id comes from it, the same for every token;
 * `request` gives this token its id and signature.
 */
export function requestToken(api: ApiServer, root: Rng, request: Rng, namespace: string, name: string, opts: TokenRequestOptions = {}): string {
  const sa = api.tryGet('serviceaccounts', namespace, name);
  if (!sa) throw notFound('serviceaccounts', '', name);
  const bound = opts.boundObjectRef ? boundClaims(api, namespace, opts.boundObjectRef) : {};
  const expiration = opts.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  if (expiration < MIN_EXPIRATION_SECONDS) {
    throw invalid('TokenRequest', 'authentication.k8s.io', name, [{ type: 'Invalid value', field: 'spec.expirationSeconds', value: String(expiration), detail: 'may not specify a duration less than 10 minutes' }]);
  }
  const iat = Math.floor(api.clock.now() / 1000);
  const header = { alg: 'RS256', kid: root.fork('service-account-signing-key').string(43, URL_SAFE) };
  const claims = {
    aud: opts.audiences?.length ? opts.audiences : [SERVICE_ACCOUNT_ISSUER],
    exp: iat + expiration,
    iat,
    iss: SERVICE_ACCOUNT_ISSUER,
    jti: request.uuid(),
    'kubernetes.io': { namespace, ...bound, serviceaccount: { name, uid: sa.metadata.uid } },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${request.string(342, URL_SAFE)}`;
}

/** The claims naming the bound object (a pod's node too, as ServiceAccountTokenPodNodeInfo adds). */
function boundClaims(api: ApiServer, namespace: string, ref: { kind: string; name: string; uid?: string }): Record<string, { name: string; uid: string }> {
  const where = BOUND_KINDS[ref.kind];
  if (!where) throw statusError('BadRequest', `cannot bind token to object of type ${ref.kind}`);
  const obj = api.tryGet(where.resource, where.namespaced ? namespace : undefined, ref.name);
  if (!obj) throw notFound(where.resource, '', ref.name);
  if (ref.uid && ref.uid !== obj.metadata.uid) {
    throw statusError('Conflict', `Operation cannot be fulfilled on ${ref.kind} ${JSON.stringify(ref.name)}: the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`);
  }
  const self = { name: ref.name, uid: obj.metadata.uid! };
  if (ref.kind === 'Node') return { node: self };
  if (ref.kind === 'Secret') return { secret: self };
  // Claims in the order Go's privateClaims struct writes them: node, pod, secret.
  const nodeName = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
  const node = nodeName ? api.tryGet('nodes', undefined, nodeName) : undefined;
  return node ? { node: { name: nodeName!, uid: node.metadata.uid! }, pod: self } : { pod: self };
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
