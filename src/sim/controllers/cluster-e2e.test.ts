import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { deploymentManifest } from './test-helpers';
import type { DeploymentObject, PodObject } from '../kinds/apps/workload-types';

describe('controllers with the real scheduler and kubelets', () => {
  it('a 3-replica Deployment is all Running within 60 virtual seconds', () => {
    const c = createCluster({ seed: 7 });
    c.api.create('deployments', 'default', deploymentManifest('web', 3));
    const done = c.clock.advanceUntil(() => {
      const pods = c.api.list('pods', 'default', { labelSelector: 'app=web' }) as PodObject[];
      return pods.length === 3 && pods.every((p) => p.status?.phase === 'Running');
    }, 60_000);
    expect(done).toBe(true);
    c.advance(5_000);
    const d = c.api.get('deployments', 'default', 'web') as DeploymentObject;
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
  });
});
