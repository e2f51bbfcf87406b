import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { KObject } from '../../core/object';
import type { PodObject } from '../../kinds/apps/workload-types';

type J = Record<string, any> & KObject;

function web(spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
  };
}

function live(c: Cluster): PodObject[] {
  return (c.api.list('pods', 'default', { labelSelector: 'app=nginx' }) as PodObject[]).filter((p) => !p.metadata.deletionTimestamp);
}

const names = (c: Cluster) => live(c).map((p) => p.metadata.name).sort();
const claims = (c: Cluster) => c.api.list('persistentvolumeclaims', 'default').map((p) => p.metadata.name).sort();
const messages = (c: Cluster) =>
  c.api.list('events', 'default').filter((e: J) => e.involvedObject.kind === 'StatefulSet').map((e: J) => `${e.reason}: ${e.message}`);

describe('StatefulSet controller', () => {
  it('creates ordinal pods one at a time, each with its identity and its claim made first', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('statefulsets', 'default', web());
    c.advance(100);
    expect(names(c)).toEqual(['web-0']);
    expect(claims(c)).toEqual(['www-web-0']);
    c.advance(60_000);
    expect(names(c)).toEqual(['web-0', 'web-1', 'web-2']);
    const p = c.api.get('pods', 'default', 'web-1') as J;
    expect(p.metadata.labels).toEqual({
      app: 'nginx',
      'apps.kubernetes.io/pod-index': '1',
      'statefulset.kubernetes.io/pod-name': 'web-1',
      'controller-revision-hash': expect.stringMatching(/^web-[a-z0-9]+$/),
    });
    expect(p.spec.hostname).toBe('web-1');
    expect(p.spec.subdomain).toBe('nginx');
    expect(p.spec.volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    expect(messages(c).slice(0, 2)).toEqual(['SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success', 'SuccessfulCreate: create Pod web-0 in StatefulSet web successful']);
    const s = c.api.get('statefulsets', 'default', 'web') as J;
    expect(s.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, observedGeneration: 1, collisionCount: 0 });
    expect(s.status.currentRevision).toBe(s.status.updateRevision);
  });

  it('waits for a pod that never gets ready (OrderedReady) but not with Parallel', () => {
    const c = createCluster({ seed: 5 });
    const stuck = { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/nope', port: 80 } } }] };
    c.api.create('statefulsets', 'default', web({ template: { metadata: { labels: { app: 'nginx' } }, spec: stuck } }));
    c.advance(60_000);
    expect(names(c)).toEqual(['web-0']);
    const p = web({ podManagementPolicy: 'Parallel', template: { metadata: { labels: { app: 'nginx' } }, spec: stuck } });
    const c2 = createCluster({ seed: 5 });
    c2.api.create('statefulsets', 'default', p);
    c2.advance(100);
    expect(names(c2)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('brings a deleted pod back under its name with its claim, and scales down from the top keeping claims', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('statefulsets', 'default', web());
    c.advance(60_000);
    const before = (c.api.get('pods', 'default', 'web-1') as J).metadata.uid;
    c.api.delete('pods', 'default', 'web-1');
    c.advance(60_000);
    const again = c.api.get('pods', 'default', 'web-1') as J;
    expect(again.metadata.uid).not.toBe(before);
    expect(again.spec.volumes[0].persistentVolumeClaim.claimName).toBe('www-web-1');
    const s = c.api.get('statefulsets', 'default', 'web') as J;
    c.api.update('statefulsets', 'default', { ...s, spec: { ...s.spec, replicas: 1 } });
    c.advance(60_000);
    expect(names(c)).toEqual(['web-0']);
    expect(claims(c)).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    const deletes = messages(c).filter((m) => m.startsWith('SuccessfulDelete'));
    expect(deletes.slice(-2)).toEqual(['SuccessfulDelete: delete Pod web-2 in StatefulSet web successful', 'SuccessfulDelete: delete Pod web-1 in StatefulSet web successful']);
  });

  it('rolls a new template from the highest ordinal down to the partition', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('statefulsets', 'default', web({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    c.advance(60_000);
    const s = c.api.get('statefulsets', 'default', 'web') as J;
    const template = structuredClone(s.spec.template);
    template.spec.containers[0].image = 'nginx:1.26';
    c.api.update('statefulsets', 'default', { ...s, spec: { ...s.spec, template } });
    c.advance(120_000);
    const images = live(c)
      .sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!))
      .map((p) => p.spec?.containers[0].image);
    expect(images).toEqual(['nginx:1.27', 'nginx:1.26', 'nginx:1.26']);
    const st = (c.api.get('statefulsets', 'default', 'web') as J).status;
    expect(st.updatedReplicas).toBe(2);
    expect(st.currentReplicas).toBe(1);
    expect(st.currentRevision).not.toBe(st.updateRevision);
    expect(c.api.list('controllerrevisions', 'default').map((r: J) => r.revision).sort()).toEqual([1, 2]);
  });

  it('deletes claims with the set, and with scaled-down pods, when the retention policy says Delete', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('statefulsets', 'default', web({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } }));
    c.advance(60_000);
    const s = c.api.get('statefulsets', 'default', 'web') as J;
    c.api.update('statefulsets', 'default', { ...s, spec: { ...s.spec, replicas: 2 } });
    c.advance(60_000);
    expect(claims(c)).toEqual(['www-web-0', 'www-web-1']);
    c.api.delete('statefulsets', 'default', 'web');
    c.advance(60_000);
    expect(names(c)).toEqual([]);
    expect(claims(c)).toEqual([]);
  });

  it('numbers pods from spec.ordinals.start', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('statefulsets', 'default', web({ replicas: 2, ordinals: { start: 5 } }));
    c.advance(60_000);
    expect(names(c)).toEqual(['web-5', 'web-6']);
    expect(claims(c)).toEqual(['www-web-5', 'www-web-6']);
    expect((c.api.get('pods', 'default', 'web-6') as J).metadata.labels?.['apps.kubernetes.io/pod-index']).toBe('6');
  });

  it('with OnDelete, replaces nothing until a pod is deleted, which comes back at the new revision', () => {
    const c = createCluster({ seed: 5 });
    c.api.create('statefulsets', 'default', web({ replicas: 2, updateStrategy: { type: 'OnDelete' } }));
    c.advance(60_000);
    const s = c.api.get('statefulsets', 'default', 'web') as J;
    const template = structuredClone(s.spec.template);
    template.spec.containers[0].image = 'nginx:1.26';
    c.api.update('statefulsets', 'default', { ...s, spec: { ...s.spec, template } });
    c.advance(60_000);
    const image = (n: string) => (c.api.get('pods', 'default', n) as J).spec.containers[0].image;
    expect([image('web-0'), image('web-1')]).toEqual(['nginx:1.27', 'nginx:1.27']);
    c.api.delete('pods', 'default', 'web-0');
    c.advance(60_000);
    expect([image('web-0'), image('web-1')]).toEqual(['nginx:1.26', 'nginx:1.27']);
    const st = (c.api.get('statefulsets', 'default', 'web') as J).status;
    expect([st.currentReplicas, st.updatedReplicas]).toEqual([1, 1]);
  });
});
