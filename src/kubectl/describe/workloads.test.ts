import { describe, it, expect } from 'vitest';
import type { KObject } from '../../sim/core/object';
import { describeDeployment } from './workloads';

const NOW = Date.UTC(2026, 0, 1, 9, 10, 0);

const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } });

const deployment: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'd-1', creationTimestamp: '2026-01-01T09:00:00Z' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'Recreate' }, template: template('nginx:1.27') },
};

function replicaSet(name: string, image: string, replicas: number, created: string, owner = 'd-1'): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `rs-${name}`, creationTimestamp: created, labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: owner, controller: true }] },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: template(image) },
    status: { replicas },
  };
}

function tail(text: string): string {
  return text.slice(text.indexOf('  Tolerations:'));
}

describe('describe deployment: old and new ReplicaSets (deploymentutil.GetAllReplicaSets)', () => {
  it('lists every old ReplicaSet, scaled to 0 or not, in list order', () => {
    const rss = [replicaSet('web-a', 'nginx:1.25', 1, '2026-01-01T09:01:00Z'), replicaSet('web-b', 'nginx:1.26', 0, '2026-01-01T09:02:00Z'), replicaSet('web-c', 'nginx:1.27', 2, '2026-01-01T09:03:00Z'), replicaSet('other', 'nginx:1.25', 3, '2026-01-01T09:01:00Z', 'd-2')];
    expect(tail(describeDeployment(deployment, { nowMs: NOW, events: [], replicaSets: rss, pods: [] }))).toBe(
      '  Tolerations:     <none>\nOldReplicaSets:    web-a (1/1 replicas created), web-b (0/0 replicas created)\nNewReplicaSet:     web-c (2/2 replicas created)\nEvents:            <none>\n',
    );
  });

  it('leaves both lines out while the Deployment has no ReplicaSet, and Events out without --show-events', () => {
    expect(tail(describeDeployment(deployment, { nowMs: NOW, events: undefined, replicaSets: [], pods: [] }))).toBe('  Tolerations:     <none>\n');
  });
});
