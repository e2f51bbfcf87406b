import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { testServer } from '../kinds/test-server';
import { requestToken } from './token';

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('service account tokens', () => {
  const api = testServer();
  const sa = api.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });
  const root = new Rng(1);

  it('are JWTs naming the account, issued by kind, an hour long by default', () => {
    const token = requestToken(api, root, new Rng('a'), 'default', 'robot');
    expect(token.split('.')).toHaveLength(3);
    const claims = claimsOf(token);
    expect(claims.sub).toBe('system:serviceaccount:default:robot');
    expect(claims.iss).toBe('https://kubernetes.default.svc.cluster.local');
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    expect(claims['kubernetes.io']).toEqual({ namespace: 'default', serviceaccount: { name: 'robot', uid: sa.metadata.uid } });
    // One signing key: every token names the same key id.
    const kid = (t: string) => JSON.parse(Buffer.from(t.split('.')[0], 'base64url').toString()).kid;
    expect(kid(requestToken(api, root, new Rng('b'), 'default', 'robot'))).toBe(kid(token));
  });

  it('refuse a missing account and a lifetime under ten minutes', () => {
    expect(() => requestToken(api, root, new Rng('c'), 'default', 'nobody')).toThrow('serviceaccounts "nobody" not found');
    expect(() => requestToken(api, root, new Rng('d'), 'default', 'robot', { expirationSeconds: 60 })).toThrow('may not specify a duration less than 10 minutes');
  });
});
