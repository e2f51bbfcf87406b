import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { causes, testServer } from '../test-server';

type J = Record<string, any> & KObject;

function sts(name: string, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'db', image: 'redis:7.2' }] } },
      ...spec,
    },
  };
}

describe('StatefulSet strategy', () => {
  it('defaults policy, strategy, retention, replicas, history and the claim templates', () => {
    const api = testServer();
    const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const s = api.create('statefulsets', 'default', sts('db', { volumeClaimTemplates: [claim] })) as J;
    expect(s.spec.podManagementPolicy).toBe('OrderedReady');
    expect(s.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(s.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(s.spec.replicas).toBe(1);
    expect(s.spec.revisionHistoryLimit).toBe(10);
    expect(s.spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', creationTimestamp: null },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    expect(s.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it('drops maxUnavailable (its feature gate is off in 1.32) and keeps OnDelete without a rollingUpdate', () => {
    const api = testServer();
    const s = api.create('statefulsets', 'default', sts('a', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } })) as J;
    expect(s.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    const o = api.create('statefulsets', 'default', sts('b', { updateStrategy: { type: 'OnDelete' } })) as J;
    expect(o.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('refuses a selector that misses the template, bad enums and a name that is no DNS label', () => {
    const api = testServer();
    const bad = sts('db', { selector: { matchLabels: { app: 'other' } }, podManagementPolicy: 'Serial', persistentVolumeClaimRetentionPolicy: { whenScaled: 'Keep' } });
    expect(causes(() => api.create('statefulsets', 'default', bad))).toEqual([
      `spec.podManagementPolicy: Invalid value: "Serial": must be 'OrderedReady' or 'Parallel'`,
      'spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "Keep": supported values: "Retain", "Delete"',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`',
    ]);
    expect(causes(() => api.create('statefulsets', 'default', sts('a.b')))[0]).toMatch(/^metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label/);
    expect(api.list('statefulsets', 'default')).toEqual([]);
  });

  it('lets replicas, template, updateStrategy and minReadySeconds change, nothing else', () => {
    const api = testServer();
    const s = api.create('statefulsets', 'default', sts('db')) as J;
    const ok = api.update('statefulsets', 'default', { ...s, spec: { ...s.spec, replicas: 3, minReadySeconds: 5, updateStrategy: { type: 'OnDelete' } } }) as J;
    expect(ok.metadata.generation).toBe(2);
    const forbidden = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
    expect(causes(() => api.update('statefulsets', 'default', { ...ok, spec: { ...ok.spec, serviceName: 'other' } }))).toEqual([`spec: Forbidden: ${forbidden}`]);
    expect(causes(() => api.update('statefulsets', 'default', { ...ok, spec: { ...ok.spec, podManagementPolicy: 'Parallel' } }))).toEqual([`spec: Forbidden: ${forbidden}`]);
  });
});
