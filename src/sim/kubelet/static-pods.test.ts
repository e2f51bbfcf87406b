import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';

type J = Record<string, any>;

describe('static pods', () => {
  it('publish mirror pods owned by the control-plane Node, on its IP, system-node-critical', () => {
    const c = createCluster({ seed: 1 });
    const pods = (c.api.list('pods', 'kube-system', { labelSelector: 'tier=control-plane' }) as J[]).map((p) => p.metadata.name).sort();
    expect(pods).toEqual(['etcd-kind-control-plane', 'kube-apiserver-kind-control-plane', 'kube-controller-manager-kind-control-plane', 'kube-scheduler-kind-control-plane']);
    const etcd = c.api.get('pods', 'kube-system', 'etcd-kind-control-plane') as J;
    const node = c.api.get('nodes', undefined, 'kind-control-plane') as J;
    expect(etcd.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'kind-control-plane', uid: node.metadata.uid, controller: true }]);
    expect(etcd.metadata.annotations['kubernetes.io/config.source']).toBe('file');
    expect(etcd.metadata.annotations['kubernetes.io/config.mirror']).toBe(etcd.metadata.annotations['kubernetes.io/config.hash']);
    expect(etcd.spec).toMatchObject({ priority: 2000001000, priorityClassName: 'system-node-critical', hostNetwork: true, nodeName: 'kind-control-plane' });
    expect(etcd.spec.volumes.map((v: J) => v.name)).toEqual(['etcd-certs', 'etcd-data']);
    expect(etcd.status).toMatchObject({ phase: 'Running', podIP: '172.18.0.2' });
    expect(etcd.status.containerStatuses[0]).toMatchObject({ ready: true, restartCount: 0 });
  });

  it('come back when their mirror is deleted, with the same containers still running', () => {
    const c = createCluster({ seed: 1 });
    const before = c.api.get('pods', 'kube-system', 'kube-apiserver-kind-control-plane') as J;
    c.api.delete('pods', 'kube-system', 'kube-apiserver-kind-control-plane');
    c.advance(3_000);
    const after = c.api.get('pods', 'kube-system', 'kube-apiserver-kind-control-plane') as J;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.status.phase).toBe('Running');
    expect(after.status.containerStatuses[0].containerID).toBe(before.status.containerStatuses[0].containerID);
    expect(after.status.containerStatuses[0].state.running.startedAt).toBe(before.status.containerStatuses[0].state.running.startedAt);
    // Twice: the static pod outlives every mirror.
    c.api.delete('pods', 'kube-system', 'kube-apiserver-kind-control-plane');
    c.advance(3_000);
    const again = c.api.get('pods', 'kube-system', 'kube-apiserver-kind-control-plane') as J;
    expect(again.status.containerStatuses[0].containerID).toBe(before.status.containerStatuses[0].containerID);
    expect(c.kubelets.get('kind-control-plane')!.sandbox(again.metadata.uid)).toBeDefined();
  });

  it('are left out, with kind\'s DaemonSets, when the cluster has no system', () => {
    const c = createCluster({ seed: 1, system: false });
    expect(c.api.list('pods', 'kube-system')).toEqual([]);
    expect(c.api.list('daemonsets', 'kube-system')).toEqual([]);
  });

  it('leave an idle cluster idle: their passing probes of steady servers stop ticking', () => {
    const c = createCluster({ seed: 1 });
    let wakeups = 0;
    c.clock.advanceUntil(() => (wakeups++, false), 3600_000);
    // Without the steady-server rule, the 1 s readiness probes alone would wake it 10,800 times.
    expect(wakeups).toBeLessThan(100);
    expect((c.api.get('pods', 'kube-system', 'kube-apiserver-kind-control-plane') as J).status.containerStatuses[0].ready).toBe(true);
  });
});
