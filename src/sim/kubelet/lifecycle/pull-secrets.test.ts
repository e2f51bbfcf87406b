import { describe, expect, it } from 'vitest';
import type { Secret } from 'kubernetes-types/core/v1';
import { encodeBase64Text } from '../../core/base64';
import { secretCredentials } from './pull-secrets';

const secret = (type: string, key: string, json: unknown): Secret => ({ type, data: { [key]: encodeBase64Text(JSON.stringify(json)) } });

describe('pull secret credentials', () => {
  it('reads dockerconfigjson auths; `auth` wins over the plain fields', () => {
    const s = secret('kubernetes.io/dockerconfigjson', '.dockerconfigjson', {
      auths: { 'registry.example.com': { username: 'x', password: 'y', auth: encodeBase64Text('learner:kube:play') }, 'https://index.docker.io/v1/': { username: 'me', password: 'pw' } },
    });
    expect(secretCredentials(s)).toEqual([
      { server: 'registry.example.com', username: 'learner', password: 'kube:play' },
      { server: 'https://index.docker.io/v1/', username: 'me', password: 'pw' },
    ]);
  });

  it('reads the legacy dockercfg, and nothing from other types or bad JSON', () => {
    expect(secretCredentials(secret('kubernetes.io/dockercfg', '.dockercfg', { 'registry.example.com': { auth: encodeBase64Text('a:b') } }))).toEqual([{ server: 'registry.example.com', username: 'a', password: 'b' }]);
    expect(secretCredentials(secret('Opaque', '.dockerconfigjson', { auths: { r: { username: 'a', password: 'b' } } }))).toEqual([]);
    expect(secretCredentials({ type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': encodeBase64Text('{nope') } })).toEqual([]);
  });
});
