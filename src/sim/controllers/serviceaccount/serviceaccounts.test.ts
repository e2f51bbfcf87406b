import { describe, expect, it } from 'vitest';
import { harness } from '../test-helpers';

describe('service account controller', () => {
  it('gives every namespace a default ServiceAccount, with nothing else in it', () => {
    const h = harness();
    h.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    h.settle();
    const sa = h.api.get('serviceaccounts', 'team', 'default');
    expect(Object.keys(sa).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(h.api.tryGet('serviceaccounts', 'kube-system', 'default')).toBeDefined();
  });

  it('makes default again when it is deleted, and leaves other accounts alone', () => {
    const h = harness();
    h.api.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });
    const before = h.api.get('serviceaccounts', 'default', 'default');
    h.api.delete('serviceaccounts', 'default', 'default');
    h.api.delete('serviceaccounts', 'default', 'robot');
    h.settle();
    const after = h.api.get('serviceaccounts', 'default', 'default');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(h.api.tryGet('serviceaccounts', 'default', 'robot')).toBeUndefined();
  });

  it('does not recreate accounts in a terminating namespace', () => {
    const h = harness();
    h.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    h.settle();
    h.api.delete('namespaces', undefined, 'team');
    h.settle();
    expect(h.api.tryGet('namespaces', undefined, 'team')).toBeUndefined();
    expect(h.store.list('serviceaccounts', 'team')).toHaveLength(0);
  });
});
