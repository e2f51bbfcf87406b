/**
 * `POST …/serviceaccounts/NAME/token` (TokenRequest): a bound service-account token, shaped as the
 * api-server signs one — a JWT whose claims name the account, issued by kind's issuer
 * `https://kubernetes.default.svc.cluster.local` — deterministic, never a real signature.
 */
import { invalid, notFound, statusError } from '../api/errors';
import type { ApiServer } from '../api/apiserver';
import { Rng } from '../core/rng';
import { ALL_AUTHENTICATED, serviceAccountGroups, serviceAccountUsername, type UserInfo } from './user';

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
  const signed = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${signed}.${signature(root, signed)}`;
}

/**
 * The signature: a function of the signed text and the cluster's key (never real RSA), so that
 * the api-server can tell its own tokens from altered or foreign ones.
 */
function signature(root: Rng, signed: string): string {
  return new Rng(`${root.seed}/service-account-signing-key/${signed}`).string(342, URL_SAFE);
}

/**
 * The service-account token authenticator: the user a token presented as `--token` is, or
 * undefined when the api-server would answer 401 (not ours, altered, expired, or naming an
 * account or bound object that is gone or was re-created).
 */
export function authenticateToken(api: ApiServer, root: Rng, token: string): UserInfo | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[2] !== signature(root, `${parts[0]}.${parts[1]}`)) return undefined;
  const claims = JSON.parse(fromBase64url(parts[1])) as { exp: number; nbf: number; jti: string; 'kubernetes.io': PrivateClaims };
  const now = Math.floor(api.clock.now() / 1000);
  if (now >= claims.exp || now < claims.nbf) return undefined;
  const { namespace, serviceaccount, pod, secret, node } = claims['kubernetes.io'];
  const alive = (resource: string, ns: string | undefined, ref: { name: string; uid: string } | undefined) => !ref || api.tryGet(resource, ns, ref.name)?.metadata.uid === ref.uid;
  if (!alive('serviceaccounts', namespace, serviceaccount) || !alive('pods', namespace, pod) || !alive('secrets', namespace, secret)) return undefined;
  if (!pod && !alive('nodes', undefined, node)) return undefined;
  // The extras the service-account authenticator adds: the token's id, and what it is bound to.
  const extra: Record<string, string[]> = { 'authentication.kubernetes.io/credential-id': [`JTI=${claims.jti}`] };
  if (node) Object.assign(extra, { 'authentication.kubernetes.io/node-name': [node.name], 'authentication.kubernetes.io/node-uid': [node.uid] });
  if (pod) Object.assign(extra, { 'authentication.kubernetes.io/pod-name': [pod.name], 'authentication.kubernetes.io/pod-uid': [pod.uid] });
  return { name: serviceAccountUsername(namespace, serviceaccount.name), uid: serviceaccount.uid, groups: [...serviceAccountGroups(namespace), ALL_AUTHENTICATED], extra };
}

interface PrivateClaims {
  namespace: string;
  serviceaccount: { name: string; uid: string };
  pod?: { name: string; uid: string };
  secret?: { name: string; uid: string };
  node?: { name: string; uid: string };
}

function fromBase64url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
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
