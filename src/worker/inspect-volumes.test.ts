import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../sim/cluster';
import { podFilesIn } from './inspect';
import { inspectVolumes } from './inspect-volumes';

describe('the inspector Files view', () => {
  it('lists each volume, its mounts and the files it holds now', () => {
    const c = createCluster({ seed: 9 });
    c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { level: 'debug' } });
    c.api.create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [{ name: 'c', image: 'busybox:1.37', command: ['sleep', '3600'], volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }, { name: 'scratch', mountPath: '/scratch' }] }],
        volumes: [{ name: 'cfg', configMap: { name: 'app', defaultMode: 0o400 } }, { name: 'scratch', emptyDir: {} }],
      },
    });
    c.advance(20_000);
    const pod = c.api.get('pods', 'default', 'p') as unknown as Pod;
    const access = podFilesIn(c);
    const views = inspectVolumes(pod, access.sandbox(pod.metadata!.uid!), access.now());
    expect(views.map((v) => [v.name, v.source, v.mounts])).toEqual([
      ['cfg', 'configMap "app"', ['c:/etc/cfg']],
      ['scratch', 'emptyDir', ['c:/scratch']],
      [expect.stringMatching(/^kube-api-access-/), 'projected', ['c:/var/run/secrets/kubernetes.io/serviceaccount']],
    ]);
    expect(views[0].files).toEqual([{ path: 'level', size: 5, mode: '-r--------', content: 'debug', truncated: false }]);
    expect(views[1].files).toEqual([]);
    expect(views[2].files.map((f) => f.path)).toEqual(['ca.crt', 'namespace', 'token']);
  });
});
