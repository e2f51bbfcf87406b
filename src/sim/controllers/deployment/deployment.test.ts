import { describe, expect, it } from 'vitest';
import { activePods, deploymentManifest, getDeployment, harness, readyAll, replicaSets, scalingEvents, type Harness } from '../test-helpers';
import { podTemplateHash, resolveFenceposts, revisionOf, equalIgnoreHash, REVISION_ANNOTATION } from './deployment-util';
import type { DeploymentObject } from '../../kinds/apps/workload-types';

function setImage(h: Harness, name: string, image: string): void {
  const d = getDeployment(h, name);
  const t = structuredClone(d.spec.template) as { spec: { containers: { image: string }[] } };
  t.spec.containers[0].image = image;
  h.api.update('deployments', 'default', { ...d, spec: { ...d.spec, template: t } } as DeploymentObject);
  h.settle();
}

/** Plays kubelets until the rollout stops moving. */
function rollOut(h: Harness): void {
  for (let i = 0; i < 50 && readyAll(h) > 0; i++);
}

describe('deployment-util', () => {
  it('resolves fenceposts: surge rounds up, unavailable down, both 0 means 1', () => {
    expect(resolveFenceposts('25%', '25%', 3)).toEqual([1, 0]);
    expect(resolveFenceposts('25%', '25%', 10)).toEqual([3, 2]);
    expect(resolveFenceposts(0, 0, 5)).toEqual([0, 1]);
  });

  it('hashes templates to 9-10 safe characters, changing with collisionCount', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
    const h = podTemplateHash(t);
    expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{9,10}$/);
    expect(podTemplateHash(structuredClone(t))).toBe(h);
    expect(podTemplateHash(t, 1)).not.toBe(h);
    expect(equalIgnoreHash(t, { ...t, metadata: { labels: { app: 'web', 'pod-template-hash': h } } })).toBe(true);
  });
});

describe('Deployment controller', () => {
  it('creates <deploy>-<hash> with revision 1 and reaches Available/NewReplicaSetAvailable', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 3));
    h.settle();
    const [rs] = replicaSets(h);
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({ [REVISION_ANNOTATION]: '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(scalingEvents(h)).toEqual([`Scaled up replica set web-${hash} to 3 from 0`]);
    expect(activePods(h)).toHaveLength(3);
    rollOut(h);
    const d = getDeployment(h, 'web');
    expect(d.metadata.annotations?.[REVISION_ANNOTATION]).toBe('1');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    const conds = Object.fromEntries((d.status?.conditions ?? []).map((c) => [c.type, c]));
    expect(conds.Available).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(conds.Progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` });
  });

  it('rolls 3 replicas @25%: new→1, old→2, new→2, old→1, new→3, old→0', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 3));
    h.settle();
    rollOut(h);
    const oldName = replicaSets(h)[0].metadata.name!;
    h.eventLog.length = 0;
    setImage(h, 'web', 'nginx:1.26');
    rollOut(h);
    const newName = replicaSets(h).find((r) => r.metadata.name !== oldName)!.metadata.name!;
    expect(scalingEvents(h)).toEqual([
      `Scaled up replica set ${newName} to 1 from 0`,
      `Scaled down replica set ${oldName} to 2 from 3`,
      `Scaled up replica set ${newName} to 2 from 1`,
      `Scaled down replica set ${oldName} to 1 from 2`,
      `Scaled up replica set ${newName} to 3 from 2`,
      `Scaled down replica set ${oldName} to 0 from 1`,
    ]);
    const d = getDeployment(h, 'web');
    expect(d.metadata.annotations?.[REVISION_ANNOTATION]).toBe('2');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(activePods(h).every((p) => p.metadata.name!.startsWith(newName))).toBe(true);
  });

  it('rolls 10 replicas @25% within surge 3 / unavailable 2', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 10));
    h.settle();
    rollOut(h);
    h.eventLog.length = 0;
    setImage(h, 'web', 'nginx:1.26');
    // First step: the new RS gets the whole surge, old drops by maxUnavailable.
    expect(scalingEvents(h).slice(0, 2)).toEqual([expect.stringMatching(/^Scaled up replica set web-\w+ to 3 from 0$/), expect.stringMatching(/^Scaled down replica set web-\w+ to 8 from 10$/)]);
    let maxPods = 0;
    for (let i = 0; i < 50; i++) {
      maxPods = Math.max(maxPods, replicaSets(h).reduce((n, r) => n + (r.spec.replicas ?? 0), 0));
      if (readyAll(h) === 0) break;
    }
    expect(maxPods).toBeLessThanOrEqual(13);
    expect(getDeployment(h, 'web').status).toMatchObject({ replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
  });

  it('Recreate scales old to 0, waits for its pods, then creates the new RS at full size', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 2, { strategy: { type: 'Recreate' } }));
    h.settle();
    rollOut(h);
    h.eventLog.length = 0;
    setImage(h, 'web', 'nginx:1.26');
    const events = scalingEvents(h);
    expect(events[0]).toMatch(/^Scaled down replica set web-\w+ to 0 from 2$/);
    expect(events[1]).toMatch(/^Scaled up replica set web-\w+ to 2 from 0$/);
    expect(replicaSets(h)).toHaveLength(2);
  });

  it('rolls back by template: the old RS is reused with the next revision and a revision-history', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 1));
    h.settle();
    rollOut(h);
    const first = replicaSets(h)[0].metadata.name!;
    setImage(h, 'web', 'nginx:1.26');
    rollOut(h);
    setImage(h, 'web', 'nginx:1.25');
    rollOut(h);
    const rs = h.api.get('replicasets', 'default', first);
    expect(revisionOf(rs)).toBe(3);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(replicaSets(h)).toHaveLength(2);
    expect(getDeployment(h, 'web').metadata.annotations?.[REVISION_ANNOTATION]).toBe('3');
  });

  it('scales proportionally mid-rollout and respects paused', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 10));
    h.settle();
    rollOut(h);
    setImage(h, 'web', 'nginx:1.26');
    const d = getDeployment(h, 'web');
    h.api.update('deployments', 'default', { ...d, spec: { ...d.spec, replicas: 20, paused: true } } as DeploymentObject);
    h.settle();
    const sizes = replicaSets(h).map((r) => r.spec.replicas).sort((a, b) => a! - b!);
    // 3 + 8 = 11 of max 13 become shares of max 25 (20 + surge 5).
    expect(sizes.reduce((a, b) => a! + b!, 0)).toBe(25);
    const p = getDeployment(h, 'web').status?.conditions?.find((c) => c.type === 'Progressing');
    expect(p).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
  });

  it('times out progressing after progressDeadlineSeconds without progress', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 1));
    h.settle();
    h.advance(601_000 + 1000);
    const p = getDeployment(h, 'web').status?.conditions?.find((c) => c.type === 'Progressing');
    expect(p).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(p?.message).toMatch(/^ReplicaSet "web-\w+" has timed out progressing\.$/);
  });

  it('prunes empty old ReplicaSets beyond revisionHistoryLimit', () => {
    const h = harness();
    h.api.create('deployments', 'default', deploymentManifest('web', 1, { revisionHistoryLimit: 1 }));
    h.settle();
    rollOut(h);
    for (const img of ['nginx:1.26', 'nginx:1.27', 'nginx:1.28']) {
      setImage(h, 'web', img);
      rollOut(h);
    }
    h.settle();
    expect(replicaSets(h)).toHaveLength(2);
  });
});
