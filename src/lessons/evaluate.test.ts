import { describe, expect, it } from 'vitest';
import { ApiServer } from '../sim/api/apiserver';
import { Clock } from '../sim/core/clock';
import { EventRecorder } from '../sim/events';
import { Rng } from '../sim/core/rng';
import { Store } from '../sim/core/store';
import type { Kubelet } from '../sim/kubelet/kubelet';
import { ownerRefTo, type KObject } from '../sim/core/object';
import { createClient } from '../sim/client';
import { cachedReads, goToStep, startProgress, updateProgress } from './index';
import { evaluateChecks, stepComplete } from './evaluate';
import { loadLesson } from './load';
import type { Check } from './types';

/**
 * A bare api-server, no controllers or kubelets: these tests write every object themselves,
 * so nothing else must react to them.
 */
interface Cluster {
  api: ApiServer;
  clock: Clock;
  store: Store;
  rng: Rng;
  events: EventRecorder;
  kubelets: ReadonlyMap<string, Kubelet>;
  settle(): void;
  advance(ms: number): void;
}

function createCluster(_opts: { seed: number }): Cluster {
  const clock = new Clock(Date.UTC(2025, 0, 1));
  const store = new Store(true);
  const rng = new Rng(1);
  const api = new ApiServer(store, clock, rng);
  for (const name of ['default', 'kube-system']) api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  grantClusterAdmin(store);
  return { api, clock, store, rng, events: new EventRecorder(api, clock), kubelets: new Map(), settle: () => clock.advance(0), advance: (ms) => clock.advance(ms) };
}

/** The checks read as kind's kubernetes-admin: cluster-admin through the kubeadm:cluster-admins binding. */
function grantClusterAdmin(store: Store): void {
  const rbac = 'rbac.authorization.k8s.io';
  store.create('clusterroles', { apiVersion: `${rbac}/v1`, kind: 'ClusterRole', metadata: { name: 'cluster-admin' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] });
  store.create('clusterrolebindings', {
    apiVersion: `${rbac}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'kubeadm:cluster-admins' },
    roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ apiGroup: rbac, kind: 'Group', name: 'kubeadm:cluster-admins' }],
  });
}

function check(c: Omit<Check, 'id' | 'description'> & Record<string, unknown>): Check {
  return { id: 'c', description: 'd', ...c } as Check;
}

function run(cluster: Cluster, c: Check) {
  return evaluateChecks(createClient(cluster), { checks: [c] })[0];
}

function deployment(cluster: Cluster): KObject {
  return cluster.api.create('deployments', 'default', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    },
  });
}

function pod(cluster: Cluster, name: string, labels: Record<string, string>, owner?: KObject, phase = 'Running'): KObject {
  const created = cluster.api.create('pods', 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, ...(owner ? { ownerReferences: [ownerRefTo(owner)] } : {}) },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
  });
  const ready = phase === 'Running';
  return cluster.api.updateStatus('pods', 'default', {
    ...created,
    status: { phase, containerStatuses: [{ name: 'nginx', ready, state: ready ? { running: {} } : { waiting: { reason: 'ContainerCreating' } } }] },
  });
}

describe('evaluateChecks', () => {
  it('exists / absent, with kinds as the learner writes them', () => {
    const cluster = createCluster({ seed: 1 });
    expect(run(cluster, check({ type: 'exists', kind: 'deploy', name: 'web' }))).toMatchObject({ passed: false, detail: 'deploy "web" not found' });
    expect(run(cluster, check({ type: 'absent', kind: 'Deployment', name: 'web' })).passed).toBe(true);
    deployment(cluster);
    expect(run(cluster, check({ type: 'exists', kind: 'deployments.apps', name: 'web' }))).toEqual({ id: 'c', passed: true, description: 'd' });
    expect(run(cluster, check({ type: 'absent', kind: 'Deployment', name: 'web' }))).toMatchObject({ passed: false, detail: 'Deployment "web" still exists' });
    expect(run(cluster, check({ type: 'exists', kind: 'ns', name: 'kube-system' })).passed).toBe(true);
    expect(run(cluster, check({ type: 'exists', kind: 'Pod', name: 'web', namespace: 'kube-system' })).passed).toBe(false);
  });

  it('a terminating object is neither present nor absent', () => {
    const cluster = createCluster({ seed: 1 });
    const p = pod(cluster, 'nginx', { run: 'nginx' });
    cluster.api.update('pods', 'default', { ...p, spec: { ...(p.spec as object), nodeName: 'kind-worker' } });
    cluster.api.delete('pods', 'default', 'nginx');
    expect(run(cluster, check({ type: 'exists', kind: 'Pod', name: 'nginx' }))).toMatchObject({ passed: false, detail: 'Pod "nginx" is being deleted' });
    expect(run(cluster, check({ type: 'absent', kind: 'Pod', name: 'nginx' }))).toMatchObject({ passed: false, detail: 'Pod "nginx" is still terminating' });
    expect(run(cluster, check({ type: 'podCount', status: 'Terminating', count: 1, op: 'eq' })).passed).toBe(true);
    expect(run(cluster, check({ type: 'podCount', count: 0, op: 'eq' })).passed).toBe(true);
  });

  it('fieldEquals compares JSON values at a path', () => {
    const cluster = createCluster({ seed: 1 });
    deployment(cluster);
    expect(run(cluster, check({ type: 'fieldEquals', kind: 'Deployment', name: 'web', path: 'spec.replicas', value: 3 })).passed).toBe(true);
    expect(run(cluster, check({ type: 'fieldEquals', kind: 'Deployment', name: 'web', path: 'spec.replicas', value: 5 }))).toMatchObject({ passed: false, detail: 'spec.replicas is 3' });
    expect(run(cluster, check({ type: 'fieldEquals', kind: 'Deployment', name: 'web', path: 'spec.template.spec.containers[0].name', value: 'nginx' })).passed).toBe(true);
    expect(run(cluster, check({ type: 'fieldEquals', kind: 'Deployment', name: 'web', path: 'spec.selector', value: { matchLabels: { app: 'web' } } })).passed).toBe(true);
    expect(run(cluster, check({ type: 'fieldEquals', kind: 'Deployment', name: 'web', path: 'metadata.labels.tier', value: 'x' })).detail).toBe('metadata.labels.tier is not set');
  });

  it('podCount counts by selector and by phase or STATUS column', () => {
    const cluster = createCluster({ seed: 1 });
    pod(cluster, 'a', { app: 'web' });
    pod(cluster, 'b', { app: 'web', tier: 'frontend' });
    pod(cluster, 'c', { app: 'web' }, undefined, 'Pending');
    pod(cluster, 'd', { app: 'db' });
    const count = (extra: Record<string, unknown>, n: number, op = 'eq') => run(cluster, check({ type: 'podCount', count: n, op, ...extra } as never));
    expect(count({ selector: 'app=web' }, 3).passed).toBe(true);
    expect(count({ selector: 'app=web', status: 'Running' }, 2)).toMatchObject({ passed: true, detail: 'found 2 pod(s) Running, want exactly 2' });
    expect(count({ selector: 'app=web', status: 'ContainerCreating' }, 1).passed).toBe(true);
    expect(count({ selector: 'app=web', phase: 'Pending' }, 1).passed).toBe(true);
    expect(count({ selector: 'app=web,tier=frontend' }, 1).passed).toBe(true);
    expect(count({}, 4, 'gte').passed).toBe(true);
    expect(count({}, 3, 'lte').passed).toBe(false);
    expect(count({ namespace: 'kube-system' }, 0).passed).toBe(true);
  });

  it("endpoints counts a Service's ready endpoints across its EndpointSlices (unset ready is ready)", () => {
    const cluster = createCluster({ seed: 1 });
    const slice = (name: string, service: string, ready: Array<boolean | undefined>) =>
      cluster.api.create('endpointslices', 'default', {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name, labels: { 'kubernetes.io/service-name': service } },
        addressType: 'IPv4',
        endpoints: ready.map((r, i) => ({ addresses: [`10.244.1.${i + 2}`], ...(r === undefined ? {} : { conditions: { ready: r } }) })),
      });
    slice('web-a', 'web', [true, undefined]);
    slice('web-b', 'web', [false]);
    slice('db-a', 'db', [true]);
    expect(run(cluster, check({ type: 'endpoints', service: 'web', count: 2, op: 'eq' })).passed).toBe(true);
    expect(run(cluster, check({ type: 'endpoints', service: 'web', ready: false, count: 3, op: 'eq' })).passed).toBe(true);
    expect(run(cluster, check({ type: 'endpoints', service: 'api', count: 1, op: 'gte' })).detail).toBe('found 0 ready endpoint(s) of Service api, want at least 1');
  });

  it('objectCount, condition and ownedBy', () => {
    const cluster = createCluster({ seed: 1 });
    const d = deployment(cluster);
    const rs = cluster.api.create('replicasets', 'default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-abc', labels: { app: 'web' }, ownerReferences: [ownerRefTo(d)] },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    pod(cluster, 'web-abc-1', { app: 'web' }, rs);
    expect(run(cluster, check({ type: 'objectCount', kind: 'rs', namePrefix: 'web-', count: 1, op: 'eq' })).passed).toBe(true);
    expect(run(cluster, check({ type: 'objectCount', kind: 'rs', selector: 'app=db', count: 1, op: 'eq' })).detail).toBe('found 0 ReplicaSet(s), want exactly 1');
    expect(run(cluster, check({ type: 'ownedBy', kind: 'ReplicaSet', namePrefix: 'web-', owner: { kind: 'Deployment', name: 'web' } })).passed).toBe(true);
    expect(run(cluster, check({ type: 'ownedBy', kind: 'Pod', selector: 'app=web', owner: { kind: 'ReplicaSet', namePrefix: 'web-' } })).passed).toBe(true);
    pod(cluster, 'stray', { app: 'web' });
    expect(run(cluster, check({ type: 'ownedBy', kind: 'Pod', selector: 'app=web', owner: { kind: 'ReplicaSet', namePrefix: 'web-' } }))).toMatchObject({ passed: false, detail: 'Pod "stray" has no controller' });
    expect(run(cluster, check({ type: 'ownedBy', kind: 'Pod', name: 'nope', owner: { kind: 'ReplicaSet' } })).detail).toBe('no matching Pod found');

    const cond = check({ type: 'condition', kind: 'Deployment', name: 'web', condition: 'Available', status: 'True' });
    expect(run(cluster, cond)).toMatchObject({ passed: false, detail: 'no Available condition yet' });
    const current = cluster.api.get('deployments', 'default', 'web');
    cluster.api.updateStatus('deployments', 'default', { ...current, status: { conditions: [{ type: 'Available', status: 'False' }] } });
    expect(run(cluster, cond).detail).toBe('Available is False');
    const next = cluster.api.get('deployments', 'default', 'web');
    cluster.api.updateStatus('deployments', 'default', { ...next, status: { conditions: [{ type: 'Available', status: 'True' }] } });
    expect(run(cluster, cond).passed).toBe(true);
  });

  /** A ReplicaSet `web-abc` and one pod it owns. */
  function replicaSetWithPod() {
    const cluster = createCluster({ seed: 1 });
    const rs = cluster.api.create('replicasets', 'default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-abc' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    return { cluster, rs, p: pod(cluster, 'web-abc-1', { app: 'web' }, rs) };
  }

  it('eventSeen, optionally after another event', () => {
    const { cluster, rs, p } = replicaSetWithPod();
    const rsEvent = cluster.events.for({ component: 'replicaset-controller' });
    const kubelet = cluster.events.for({ component: 'kubelet', host: 'kind-worker' });
    const created = check({ type: 'eventSeen', reason: 'SuccessfulCreate', kind: 'rs', namePrefix: 'web-' });
    const healed = check({ type: 'eventSeen', reason: 'SuccessfulCreate', kind: 'ReplicaSet', namePrefix: 'web-', after: { reason: 'Killing', kind: 'Pod' } });
    expect(run(cluster, created)).toMatchObject({ passed: false, detail: 'no SuccessfulCreate event yet' });
    rsEvent(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-abc-1');
    expect(run(cluster, created).passed).toBe(true);
    expect(run(cluster, check({ type: 'eventSeen', reason: 'SuccessfulCreate', messageContains: 'web-abc-9' })).passed).toBe(false);
    expect(run(cluster, healed)).toMatchObject({ passed: false, detail: 'no Killing event yet' });
    cluster.advance(6000);
    kubelet(p, 'Normal', 'Killing', 'Stopping container nginx');
    expect(run(cluster, healed)).toMatchObject({ passed: false, detail: 'no SuccessfulCreate event since the Killing event' });
    rsEvent(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-abc-2');
    expect(run(cluster, healed).passed).toBe(true);
  });

  it('eventSeen after: tolerates the two events landing a moment apart in either order', () => {
    const { cluster, rs, p } = replicaSetWithPod();
    const healed = check({ type: 'eventSeen', reason: 'SuccessfulCreate', kind: 'ReplicaSet', after: { reason: 'Killing' } });
    cluster.events.for({ component: 'replicaset-controller' })(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-abc-2');
    cluster.advance(2000);
    cluster.events.for({ component: 'kubelet', host: 'kind-worker' })(p, 'Normal', 'Killing', 'Stopping container nginx');
    expect(run(cluster, healed).passed).toBe(true);
  });

  it('reports an unknown kind as a failed check instead of throwing', () => {
    const cluster = createCluster({ seed: 1 });
    expect(run(cluster, check({ type: 'exists', kind: 'Widget', name: 'x' }))).toMatchObject({ passed: false, detail: 'unknown kind "Widget"' });
  });
});

describe('stepComplete and lesson progress', () => {
  const lesson = loadLesson(`
id: t
title: T
summary: S
steps:
  - { id: a, title: A, text: x, checks: [{ type: exists, kind: ns, name: default }, { type: exists, kind: Pod, name: nginx }] }
  - { id: b, title: B, text: x, checks: [{ type: absent, kind: Pod, name: nginx }] }
`);

  it('a step is complete when all its checks pass, and stays complete', () => {
    const cluster = createCluster({ seed: 1 });
    // Through the client, and through the watch-fed caches a host keeps.
    const client = createClient(cluster);
    const cached = cachedReads(client);
    let progress = updateProgress(client, lesson, startProgress(lesson));
    expect(progress.checks.map((r) => r.passed)).toEqual([true, false]);
    expect(stepComplete(progress.checks)).toBe(false);
    expect(progress.completed).toEqual([false, false]);
    pod(cluster, 'nginx', { run: 'nginx' });
    progress = updateProgress(cached, lesson, progress);
    expect(progress.completed).toEqual([true, false]);
    progress = goToStep(lesson, progress, 1);
    expect(progress).toMatchObject({ stepIndex: 1, checks: [] });
    progress = updateProgress(cached, lesson, progress);
    expect(progress.checks[0]).toMatchObject({ passed: false, detail: 'Pod "nginx" still exists' });
    cluster.api.delete('pods', 'default', 'nginx');
    progress = updateProgress(cached, lesson, progress);
    expect(progress.completed).toEqual([true, true]);
    // Going back re-evaluates step a (now failing) without losing its completion.
    progress = updateProgress(client, lesson, goToStep(lesson, progress, -3));
    expect(progress.stepIndex).toBe(0);
    expect(stepComplete(progress.checks)).toBe(false);
    expect(progress.completed).toEqual([true, true]);
    expect(goToStep(lesson, progress, 9).stepIndex).toBe(1);
  });
});
