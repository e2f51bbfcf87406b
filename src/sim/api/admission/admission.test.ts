import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { statusOf, testServer } from '../../kinds/test-server';

const pod = (name: string, spec: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});

describe('the admission chain', () => {
  it("runs the plugins in kube-apiserver's order", () => {
    expect(testServer().admission.map((p) => p.name)).toEqual(['NamespaceLifecycle', 'LimitRanger', 'ServiceAccount', 'Priority', 'DefaultTolerationSeconds', 'DefaultStorageClass', 'StorageObjectInUseProtection', 'PersistentVolumeClaimResize', 'ResourceQuota']);
  });

  it('fills a new pod: service account (no token volume when automount is off), priority, default tolerations', () => {
    const api = testServer();
    const spec = api.create('pods', 'default', pod('p', { automountServiceAccountToken: false, tolerations: [{ operator: 'Exists' }] })).spec as Record<string, unknown>;
    expect(spec).toMatchObject({ serviceAccountName: 'default', serviceAccount: 'default', priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    expect(spec.volumes).toBeUndefined();
    // A toleration of every taint already covers not-ready and unreachable.
    expect(spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('checks the namespace only once the object is valid', () => {
    const api = testServer();
    expect(statusOf(() => api.create('pods', 'nope', pod('Bad_Name'))).status.reason).toBe('Invalid');
    expect(statusOf(() => api.create('pods', 'nope', pod('good'))).status.reason).toBe('NotFound');
  });

  it('judges dry runs by the quota too (they only store nothing)', () => {
    const api = testServer();
    api.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '1' } } });
    expect(api.create('pods', 'default', pod('dry'), { dryRun: true }).metadata.name).toBe('dry');
    expect(api.create('pods', 'default', pod('wet')).metadata.name).toBe('wet');
    expect(statusOf(() => api.create('pods', 'default', pod('dry2'), { dryRun: true })).status.message).toBe(
      'pods "dry2" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1',
    );
  });

  it('admits pods only: other kinds pass through untouched', () => {
    const api = testServer();
    const cm = api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    expect(cm.spec).toBeUndefined();
  });
});

describe('ServiceAccount admission', () => {
  const sa = (name: string, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name }, ...extra });

  it('refuses a pod whose service account does not exist, by its generateName prefix when it has one', () => {
    const api = testServer();
    const err = statusOf(() => api.create('pods', 'default', pod('p', { serviceAccountName: 'robot' })));
    expect(err.status.reason).toBe('Forbidden');
    expect(err.message).toBe('pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
    const generated = { ...pod('', { serviceAccountName: 'robot' }), metadata: { generateName: 'web-7c5d-' } };
    expect(statusOf(() => api.create('pods', 'default', generated)).message).toBe('pods "web-7c5d-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
    api.create('serviceaccounts', 'default', sa('robot'));
    expect(api.create('pods', 'default', pod('p', { serviceAccountName: 'robot' })).spec).toMatchObject({ serviceAccountName: 'robot', serviceAccount: 'robot' });
  });

  it("honours the account's automount and imagePullSecrets, the pod's choice first", () => {
    const api = testServer();
    api.create('serviceaccounts', 'default', sa('quiet', { automountServiceAccountToken: false, imagePullSecrets: [{ name: 'regcred' }] }));
    const quiet = api.create('pods', 'default', pod('a', { serviceAccountName: 'quiet' })).spec as Record<string, unknown>;
    expect(quiet.volumes).toBeUndefined();
    expect(quiet.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    const loud = api.create('pods', 'default', pod('b', { serviceAccountName: 'quiet', automountServiceAccountToken: true, imagePullSecrets: [{ name: 'own' }] })).spec as Record<string, unknown>;
    expect((loud.volumes as { name: string }[])[0].name).toMatch(/^kube-api-access-[a-z0-9]{5}$/);
    expect(loud.imagePullSecrets).toEqual([{ name: 'own' }]);
  });

  it('leaves mirror pods untouched, and refuses one that references an account, a Secret or a token', () => {
    const api = testServer();
    const mirror = (name: string, spec: Record<string, unknown> = {}): KObject => ({ ...pod(name, spec), metadata: { name, annotations: { 'kubernetes.io/config.mirror': 'abc' } } });
    const spec = api.create('pods', 'default', mirror('etcd')).spec as Record<string, unknown>;
    expect(spec.serviceAccountName).toBeUndefined();
    expect(spec.volumes).toBeUndefined();
    expect(statusOf(() => api.create('pods', 'default', mirror('m1', { serviceAccountName: 'default' }))).message).toBe('pods "m1" is forbidden: a mirror pod may not reference service accounts');
    expect(statusOf(() => api.create('pods', 'default', mirror('m2', { volumes: [{ name: 's', secret: { secretName: 'x' } }] }))).message).toBe('pods "m2" is forbidden: a mirror pod may not reference secrets');
    const token = { volumes: [{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }] };
    expect(statusOf(() => api.create('pods', 'default', mirror('m3', token))).message).toBe('pods "m3" is forbidden: a mirror pod may not use ServiceAccountToken volume projections');
  });
});

describe('storage admission', () => {
  it('gives a claim without a class the default class, and protection finalizers to claims and volumes', () => {
    const api = testServer();
    api.create('storageclasses', undefined, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path' });
    const claim = (name: string, storageClassName?: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { storageClassName, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    const a = api.create('persistentvolumeclaims', 'default', claim('a'));
    expect((a.spec as { storageClassName?: string }).storageClassName).toBe('standard');
    expect(a.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const b = api.create('persistentvolumeclaims', 'default', claim('b', ''));
    expect((b.spec as { storageClassName?: string }).storageClassName).toBe('');
    const pv = api.create('persistentvolumes', undefined, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/x' } } });
    expect(pv.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });
});
