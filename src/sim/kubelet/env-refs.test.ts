import { describe, expect, it } from 'vitest';
import type { ConfigMap, Container, Pod, Secret } from 'kubernetes-types/core/v1';
import { resolveEnvRefs, type ConfigLookup } from './env-refs';
import { kubeletEnv } from './container-env';
import { NO_FACTS } from './container-process';

const pod: Pod = { metadata: { name: 'p', namespace: 'team' }, spec: { containers: [] } };
const lookup = (cms: Record<string, ConfigMap['data']>, secrets: Record<string, Secret['data']> = {}): ConfigLookup => ({
  configMap: (ns, name) => (ns === 'team' && cms[name] ? { data: cms[name] } : undefined),
  secret: (ns, name) => (ns === 'team' && secrets[name] ? { data: secrets[name] } : undefined),
});

describe('resolveEnvRefs', () => {
  it('reads envFrom with prefixes, skips invalid names with the kubelet’s warning, env overriding', () => {
    const c: Container = {
      name: 'c',
      envFrom: [{ configMapRef: { name: 'cfg' } }, { prefix: 'S_', secretRef: { name: 's' } }],
      env: [{ name: 'A', value: 'mine' }, { name: 'K', valueFrom: { secretKeyRef: { name: 's', key: 'pw' } } }, { name: 'E', value: '$(S_pw)!' }],
    };
    const refs = resolveEnvRefs(pod, c, lookup({ cfg: { A: 'cm', '1B': 'x', '2C': 'y' } }, { s: { pw: 'cGFzcw==' } }));
    expect(refs.warnings).toEqual(['Keys [1B, 2C] from the EnvFrom configMap team/cfg were skipped since they are considered invalid environment variable names.']);
    const env = kubeletEnv(pod, c, { ...NO_FACTS, envRefs: refs });
    expect(env).toEqual({ A: 'mine', S_pw: 'pass', K: 'pass', E: 'pass!' });
  });

  it('fails with the kubelet’s messages, unless optional', () => {
    const ref = (key: string, optional?: boolean): Container => ({ name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key, optional } } }] });
    expect(() => resolveEnvRefs(pod, ref('k'), lookup({}))).toThrow('configmap "cfg" not found');
    expect(() => resolveEnvRefs(pod, ref('k'), lookup({ cfg: {} }))).toThrow("couldn't find key k in ConfigMap team/cfg");
    const skipped = resolveEnvRefs(pod, ref('k', true), lookup({}));
    expect(kubeletEnv(pod, ref('k', true), { ...NO_FACTS, envRefs: skipped })).toEqual({});
    const secretRef: Container = { name: 'c', envFrom: [{ secretRef: { name: 'gone' } }] };
    expect(() => resolveEnvRefs(pod, secretRef, lookup({}))).toThrow('secret "gone" not found');
    expect(() => resolveEnvRefs(pod, { name: 'c', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }, lookup({}, { s: {} }))).toThrow("couldn't find key k in Secret team/s");
  });
});
