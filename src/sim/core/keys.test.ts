import { describe, expect, it } from 'vitest';
import { joinKey, keyOf, splitKey } from './keys';

describe('keys', () => {
  it('joins namespaced and cluster-scoped names', () => {
    expect(joinKey('default', 'web')).toBe('default/web');
    expect(joinKey(undefined, 'kind-worker')).toBe('kind-worker');
    expect(joinKey('', 'kind-worker')).toBe('kind-worker');
    expect(keyOf({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'a', name: 'p' } })).toBe('a/p');
  });

  it('splits what it joins', () => {
    expect(splitKey('default/web')).toEqual(['default', 'web']);
    expect(splitKey('kind-worker')).toEqual([undefined, 'kind-worker']);
    for (const [ns, name] of [['kube-system', 'coredns'], [undefined, 'n1']] as const) {
      expect(splitKey(joinKey(ns, name))).toEqual([ns, name]);
    }
  });
});
