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
    expect(testServer().admission.map((p) => p.name)).toEqual(['NamespaceLifecycle', 'ServiceAccount', 'Priority', 'DefaultTolerationSeconds', 'ResourceQuota']);
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

  it('leaves dry runs out of the pod quota, as they store nothing', () => {
    const api = testServer();
    api.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '0' } } });
    expect(api.create('pods', 'default', pod('dry'), { dryRun: true }).metadata.name).toBe('dry');
    expect(statusOf(() => api.create('pods', 'default', pod('wet'))).status.reason).toBe('Forbidden');
  });

  it('admits pods only: other kinds pass through untouched', () => {
    const api = testServer();
    const cm = api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    expect(cm.spec).toBeUndefined();
  });
});
