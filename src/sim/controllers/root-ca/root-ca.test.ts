import { describe, expect, it } from 'vitest';
import { harness } from '../test-helpers';
import { ROOT_CA_CONFIGMAP } from './root-ca';

type CM = { metadata: { annotations?: Record<string, string> }; data?: Record<string, string> };

describe('root CA publisher', () => {
  it('publishes kube-root-ca.crt into every namespace', () => {
    const h = harness();
    h.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    h.settle();
    const cm = h.api.get('configmaps', 'team', ROOT_CA_CONFIGMAP) as CM;
    expect(cm.data?.['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
    expect(cm.metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);
    expect((h.api.get('configmaps', 'default', ROOT_CA_CONFIGMAP) as CM).data).toEqual(cm.data);
  });

  it('brings it back when deleted, and restores edited data', () => {
    const h = harness();
    const original = (h.api.get('configmaps', 'default', ROOT_CA_CONFIGMAP) as CM).data;
    h.api.delete('configmaps', 'default', ROOT_CA_CONFIGMAP);
    h.settle();
    expect((h.api.get('configmaps', 'default', ROOT_CA_CONFIGMAP) as CM).data).toEqual(original);
    const cm = h.api.get('configmaps', 'default', ROOT_CA_CONFIGMAP) as CM;
    h.api.update('configmaps', 'default', { ...cm, data: { 'ca.crt': 'mine', extra: 'x' } } as never);
    h.settle();
    expect((h.api.get('configmaps', 'default', ROOT_CA_CONFIGMAP) as CM).data).toEqual(original);
  });

  it('leaves a terminating namespace alone', () => {
    const h = harness();
    h.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    h.settle();
    h.api.delete('namespaces', undefined, 'team');
    h.settle();
    expect(h.api.tryGet('namespaces', undefined, 'team')).toBeUndefined();
    expect(h.store.list('configmaps', 'team')).toHaveLength(0);
  });
});
