import { describe, expect, it } from 'vitest';
import { builtinKind, builtinResource, BUILTIN_KINDS } from './builtin-kinds';
import { RESOURCE_TYPES, apiVersionOf } from './registry';

describe('Kubernetes 1.32 built-in kinds', () => {
  it('include every kind the simulation serves, at the same group/version and scope', () => {
    for (const t of RESOURCE_TYPES) {
      const k = builtinKind(apiVersionOf(t), t.kind);
      expect(k, t.kind).toBeDefined();
      expect([k!.plural, k!.namespaced, k!.shortNames]).toEqual([t.plural, t.namespaced, t.shortNames]);
    }
  });

  it('know a kind only at a group/version 1.32 serves', () => {
    expect(builtinKind('apps/v1', 'StatefulSet')?.plural).toBe('statefulsets');
    expect(builtinKind('apps/v1beta1', 'Deployment')).toBeUndefined();
    expect(builtinKind('extensions/v1beta1', 'Ingress')).toBeUndefined();
    expect(builtinKind('apps/v1', 'Deploymnet')).toBeUndefined();
    expect(builtinKind('batch/v1beta1', 'CronJob')).toBeUndefined();
  });

  it('resolve resource words as kubectl does: plural, singular, short name, with a group', () => {
    for (const word of ['statefulsets', 'statefulset', 'sts', 'StatefulSet', 'statefulsets.apps']) expect(builtinResource(word)?.kind, word).toBe('StatefulSet');
    expect(builtinResource('hpa')?.apiVersion).toBe('autoscaling/v2');
    expect(builtinResource('events')?.apiVersion).toBe('v1');
    expect(builtinResource('events.events.k8s.io')?.apiVersion).toBe('events.k8s.io/v1');
    expect(builtinResource('sts.batch')).toBeUndefined();
    expect(builtinResource('frobs')).toBeUndefined();
  });

  it('name each group/version and kind once', () => {
    const keys = BUILTIN_KINDS.map((k) => `${k.apiVersion} ${k.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
