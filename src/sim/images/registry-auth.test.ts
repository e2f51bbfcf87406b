import { describe, expect, it } from 'vitest';
import { parseImageRef } from './reference';
import { credentialMatches, pullRefusal } from './registry-auth';

describe('the private registry and the keyring match', () => {
  const ref = parseImageRef('registry.example.com/private/app:1.0');

  it('matches keys by host and path prefix, Docker Hub by its index URL', () => {
    expect(credentialMatches('registry.example.com', ref)).toBe(true);
    expect(credentialMatches('https://registry.example.com/v2/', ref)).toBe(true);
    expect(credentialMatches('*.example.com', ref)).toBe(true);
    expect(credentialMatches('registry.example.com/private', ref)).toBe(true);
    expect(credentialMatches('registry.example.com/other', ref)).toBe(false);
    expect(credentialMatches('example.com', ref)).toBe(false);
    expect(credentialMatches('https://index.docker.io/v1/', parseImageRef('someone/app'))).toBe(true);
  });

  it('refuses without its login, with containerd’s 401', () => {
    expect(pullRefusal(ref, [])).toBe('rpc error: code = Unknown desc = failed to pull and unpack image "registry.example.com/private/app:1.0": failed to resolve reference "registry.example.com/private/app:1.0": pulling from host registry.example.com failed with status code [manifests 1.0]: 401 Unauthorized');
    expect(pullRefusal(ref, [{ server: 'registry.example.com', username: 'learner', password: 'nope' }])).toMatch(/401 Unauthorized$/);
    expect(pullRefusal(ref, [{ server: 'registry.example.com', username: 'learner', password: 'kubeplay' }])).toBeUndefined();
    expect(pullRefusal(parseImageRef('nginx'), [])).toBeUndefined();
  });
});
