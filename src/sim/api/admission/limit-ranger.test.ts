import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { Store } from '../../core/store';
import type { ResourceType } from '../registry';
import { statusOf, testServer } from '../../kinds/test-server';
import { limitRanger } from './limit-ranger';

const pod = (name: string, containers: Record<string, unknown>[], extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers, ...extra },
});
const limitRange = (limits: Record<string, unknown>[]): KObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' }, spec: { limits } });
const resources = (o: KObject, i = 0) => (o.spec as { containers: { resources: unknown }[] }).containers[i].resources;

describe('LimitRanger', () => {
  it('fills missing requests and limits from the Container defaults and says so in an annotation', () => {
    // The default cpu limit is also the default cpu request (the LimitRange's own defaulting).
    const api = testServer();
    api.create('limitranges', 'default', limitRange([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { memory: '128Mi' } }]));
    const created = api.create('pods', 'default', pod('p', [{ name: 'a', image: 'nginx', resources: { limits: { cpu: '1' } } }], { initContainers: [{ name: 'i', image: 'busybox' }] }));
    // A limit without a request got its request from the pod's own defaulting, before admission.
    expect(resources(created)).toEqual({ limits: { cpu: '1', memory: '256Mi' }, requests: { cpu: '1', memory: '128Mi' } });
    expect(created.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: memory request for container a; memory limit for container a; cpu, memory request for init container i; cpu, memory limit for init container i',
    );
  });

  it('leaves a pod that states everything alone, without an annotation', () => {
    const api = testServer();
    api.create('limitranges', 'default', limitRange([{ type: 'Container', default: { cpu: '500m' } }]));
    const created = api.create('pods', 'default', pod('p', [{ name: 'a', image: 'nginx', resources: { requests: { cpu: '100m' }, limits: { cpu: '200m' } } }]));
    expect(created.metadata.annotations).toBeUndefined();
  });

  it('refuses what breaks min, max or the ratio, every complaint in one aggregate', () => {
    const api = testServer();
    api.create('limitranges', 'default', limitRange([{ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1' }, maxLimitRequestRatio: { cpu: '4' } }]));
    const msg = statusOf(() => api.create('pods', 'default', pod('x', [{ name: 'a', image: 'nginx', resources: { requests: { cpu: '50m' }, limits: { cpu: '2' } } }]))).status.message;
    expect(msg).toBe(
      'pods "x" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum cpu usage per Container is 1, but limit is 2, cpu max limit to request ratio per Container is 4, but provided ratio is 40.000000]',
    );
    const one = statusOf(() => api.create('pods', 'default', pod('y', [{ name: 'a', image: 'nginx', resources: { requests: { cpu: '300m' }, limits: { cpu: '1300m' } } }]))).status;
    expect(one.message).toBe('pods "y" is forbidden: [maximum cpu usage per Container is 1, but limit is 1300m, cpu max limit to request ratio per Container is 4, but provided ratio is 4.333333]');
    expect(api.list('pods', 'default')).toHaveLength(0);
  });

  it('checks a Pod item against the summed containers, and says when nothing is specified', () => {
    const api = testServer();
    api.create('limitranges', 'default', limitRange([{ type: 'Pod', max: { memory: '1Gi' }, min: { cpu: '10m' } }]));
    const c = (name: string) => ({ name, image: 'nginx', resources: { limits: { memory: '600Mi' } } });
    expect(statusOf(() => api.create('pods', 'default', pod('x', [c('a'), c('b')]))).status.message).toBe(
      'pods "x" is forbidden: [minimum cpu usage per Pod is 10m.  No request is specified, maximum memory usage per Pod is 1Gi, but limit is 1200Mi]',
    );
  });

  it('holds a claim to the storage min and max of a PersistentVolumeClaim item', () => {
    const store = new Store(true);
    store.create('limitranges', { ...limitRange([{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '2Gi' } }]), metadata: { name: 'lr', namespace: 'ns' } });
    const plugin = limitRanger(store);
    const claims = { plural: 'persistentvolumeclaims', group: '' } as ResourceType;
    const claim = (storage: string): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'ns' }, spec: { resources: { requests: { storage } } } });
    expect(() => plugin.validate!({ resource: claims, object: claim('5Gi'), dryRun: false })).toThrow(
      'persistentvolumeclaims "c" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi',
    );
    expect(() => plugin.validate!({ resource: claims, object: claim('500Mi'), dryRun: false })).toThrow('minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi');
    expect(() => plugin.validate!({ resource: claims, object: claim('1Gi'), dryRun: false })).not.toThrow();
  });
});
