import { describe, expect, it } from 'vitest';
import { activePods, harness, markReady, pods, replicaSetManifest, replicaSets } from '../test-helpers';
import { slowStartBatch } from './replicaset';
import type { ReplicaSetObject } from '../../kinds/apps/workload-types';

describe('ReplicaSet controller', () => {
  it('creates the desired pods named <rs>-<5> with a controller ownerRef and events', () => {
    const h = harness();
    h.api.create('replicasets', 'default', replicaSetManifest('web', 3));
    h.settle();
    const ps = activePods(h);
    expect(ps).toHaveLength(3);
    const rs = replicaSets(h)[0];
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(p.metadata.labels).toEqual({ app: 'web' });
    }
    expect(h.eventLog.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message).sort()).toEqual(ps.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('heals: a deleted pod is replaced', () => {
    const h = harness();
    h.api.create('replicasets', 'default', replicaSetManifest('web', 2));
    h.settle();
    const [victim] = activePods(h);
    h.api.delete('pods', 'default', victim.metadata.name!);
    h.settle();
    const names = activePods(h).map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(victim.metadata.name);
  });

  it('adopts a matching orphan instead of creating, and releases a pod whose labels change', () => {
    const h = harness();
    h.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });
    h.api.create('replicasets', 'default', replicaSetManifest('web', 2));
    h.settle();
    const stray = h.api.get('pods', 'default', 'stray');
    expect(stray.metadata.ownerReferences?.[0].name).toBe('web');
    expect(activePods(h)).toHaveLength(2);

    h.api.update('pods', 'default', { ...stray, metadata: { ...stray.metadata, labels: { app: 'debug' } } });
    h.settle();
    expect(h.api.get('pods', 'default', 'stray').metadata.ownerReferences).toBeUndefined();
    expect(activePods(h).filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
  });

  it('scales down unscheduled, then not-ready, then newest pods first', () => {
    const h = harness();
    h.api.create('replicasets', 'default', replicaSetManifest('web', 4));
    h.settle();
    const [a, b, c] = activePods(h);
    markReady(h, a, 'node-1');
    h.advance(5000);
    markReady(h, b, 'node-2');
    h.api.update('pods', 'default', { ...h.api.get('pods', 'default', c.metadata.name!), spec: { ...(c.spec as object), nodeName: 'node-3' } });
    h.settle();
    const rs = h.api.get('replicasets', 'default', 'web') as ReplicaSetObject;
    h.api.update('replicasets', 'default', { ...rs, spec: { ...rs.spec, replicas: 2 } });
    h.settle();
    // The unscheduled pod goes first, then the scheduled but not-ready one.
    const left = activePods(h).map((p) => p.metadata.name).sort();
    expect(left).toEqual([a.metadata.name, b.metadata.name].sort());
    const deleted = h.eventLog.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deleted).toHaveLength(2);
    expect(deleted).toContain(`Deleted pod: ${c.metadata.name}`);

    // Among ready pods, the one ready for less time goes first.
    const rs2 = h.api.get('replicasets', 'default', 'web') as ReplicaSetObject;
    h.api.update('replicasets', 'default', { ...rs2, spec: { ...rs2.spec, replicas: 1 } });
    h.settle();
    expect(activePods(h).map((p) => p.metadata.name)).toEqual([a.metadata.name]);
  });

  it('honours pod-deletion-cost before readiness time', () => {
    const h = harness();
    h.api.create('replicasets', 'default', replicaSetManifest('web', 2));
    h.settle();
    const [a, b] = activePods(h);
    markReady(h, a, 'n1');
    h.advance(60_000);
    markReady(h, b, 'n2');
    const old = h.api.get('pods', 'default', a.metadata.name!);
    h.api.update('pods', 'default', { ...old, metadata: { ...old.metadata, annotations: { 'controller.kubernetes.io/pod-deletion-cost': '-5' } } });
    const rs = h.api.get('replicasets', 'default', 'web') as ReplicaSetObject;
    h.api.update('replicasets', 'default', { ...rs, spec: { ...rs.spec, replicas: 1 } });
    h.settle();
    expect(activePods(h).map((p) => p.metadata.name)).toEqual([b.metadata.name]);
  });

  it('reports quota failures: FailedCreate event and ReplicaFailure condition, and recovers', () => {
    const h = harness();
    h.api.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'pod-quota' }, spec: { hard: { pods: '2' } } });
    h.api.create('replicasets', 'default', replicaSetManifest('web', 3));
    h.settle();
    expect(activePods(h)).toHaveLength(2);
    const failed = h.eventLog.find((e) => e.reason === 'FailedCreate')!;
    expect(failed.message).toMatch(/^Error creating: pods "web-[a-z0-9]*" is forbidden: exceeded quota: pod-quota, requested: pods=1, used: pods=2, limited: pods=2$/);
    const rs = h.api.get('replicasets', 'default', 'web') as ReplicaSetObject;
    expect(rs.status?.conditions?.[0]).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failed.message.slice('Error creating: '.length) });
    // Retries back off: the event count grows, not the number of events.
    h.advance(60_000);
    expect(h.eventLog.filter((e) => e.reason === 'FailedCreate').length).toBeGreaterThan(5);
    const q = h.api.get('resourcequotas', 'default', 'pod-quota');
    h.api.update('resourcequotas', 'default', { ...q, spec: { hard: { pods: '5' } } });
    h.settle();
    expect(activePods(h)).toHaveLength(3);
    expect((h.api.get('replicasets', 'default', 'web') as ReplicaSetObject).status?.conditions).toBeUndefined();
  });

  it('counts ready and available replicas, honouring minReadySeconds', () => {
    const h = harness();
    const m = replicaSetManifest('web', 2);
    (m.spec as { minReadySeconds?: number }).minReadySeconds = 10;
    h.api.create('replicasets', 'default', m);
    h.settle();
    for (const p of activePods(h)) markReady(h, p, 'n1');
    h.settle();
    let rs = h.api.get('replicasets', 'default', 'web') as ReplicaSetObject;
    expect(rs.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(rs.status?.availableReplicas).toBeUndefined();
    h.advance(11_000);
    rs = h.api.get('replicasets', 'default', 'web') as ReplicaSetObject;
    expect(rs.status?.availableReplicas).toBe(2);
  });

  it('ignores terminating and terminal pods when counting', () => {
    const h = harness();
    h.api.create('replicasets', 'default', replicaSetManifest('web', 2));
    h.settle();
    const [a] = activePods(h);
    const p = markReady(h, a, 'n1');
    h.api.updateStatus('pods', 'default', { ...p, status: { phase: 'Failed' } });
    h.settle();
    expect(activePods(h)).toHaveLength(2);
    expect(pods(h)).toHaveLength(3);
  });

  it('creates in slow-start batches and stops after a failing batch', () => {
    const calls: number[] = [];
    let n = 0;
    const r = slowStartBatch(10, 1, () => {
      calls.push(++n);
      return n === 5 ? new Error('boom') : undefined;
    });
    // Batches 1, 2, 4: the failure is in the third batch, which still runs to its end.
    expect(calls).toHaveLength(7);
    expect(r.successes).toBe(6);
    expect(r.error?.message).toBe('boom');
  });

  it('creates 10,000 replicas in bursts of at most 500 per sync', () => {
    const h = harness(1, false);
    const q = h.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'big' } });
    expect(q).toBeTruthy();
    const m = replicaSetManifest('big', 10_000);
    m.metadata.namespace = 'big';
    let largestBurst = 0;
    let burst = 0;
    h.store.subscribe((e) => {
      if (e.resource === 'pods' && e.type === 'ADDED') largestBurst = Math.max(largestBurst, ++burst);
      if (e.resource === 'replicasets' && e.type === 'MODIFIED') burst = 0;
    });
    h.api.create('replicasets', 'big', m);
    h.settle();
    expect(activePods(h, 'big')).toHaveLength(10_000);
    // Each sync creates at most BurstReplicas pods, then writes status.
    expect(largestBurst).toBe(500);
  }, 30_000);
});
