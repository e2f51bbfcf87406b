import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster';
import { LAST_APPLIED_ANNOTATION } from '../../kubectl/apply-merge';
import { CONTROLLER_SERVICE_ACCOUNTS } from './namespaces';

type P = Pod & { metadata: { name: string } };

describe("kind's system objects", () => {
  it('runs CoreDNS and local-path-provisioner on the control plane, under the ReplicaSets kind v1.32.2 shows', () => {
    const c = createCluster();
    // Not the node-level pods (static pods, kube-proxy, kindnet): those are on every node's host network.
    const pods = [...c.api.list('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }), ...c.api.list('pods', 'local-path-storage')] as unknown as P[];
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, '')).sort()).toEqual(['coredns-668d6bf9bc', 'coredns-668d6bf9bc', 'local-path-provisioner-7dc846544d']);
    for (const p of pods) {
      expect(p.spec?.nodeName).toBe('kind-control-plane');
      expect(p.status?.phase).toBe('Running');
      expect(p.status?.podIP).toMatch(/^10\.244\.0\.[234]$/);
    }
    const coredns = pods.find((p) => p.metadata.name.startsWith('coredns'))!;
    expect(coredns.spec).toMatchObject({ priority: 2000000000, priorityClassName: 'system-cluster-critical', serviceAccountName: 'coredns', dnsPolicy: 'Default' });
  });

  it('leaves the controllers nothing to redo: no new ReplicaSet or pod an hour later', () => {
    const c = createCluster();
    const before = c.api.list('replicasets', 'kube-system').map((r) => r.metadata.uid);
    const podsBefore = c.api.list('pods', 'kube-system').map((p) => p.metadata.uid).sort();
    c.advance(3600_000);
    expect(c.api.list('replicasets', 'kube-system').map((r) => r.metadata.uid)).toEqual(before);
    expect(c.api.list('pods', 'kube-system').map((p) => p.metadata.uid).sort()).toEqual(podsBefore);
    const d = c.api.get('deployments', 'kube-system', 'coredns') as unknown as { status: { readyReplicas: number; availableReplicas: number } };
    expect(d.status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  });

  it('serves kube-dns at 10.96.0.10 with the three ports, for cluster-info', () => {
    const c = createCluster();
    const svc = c.api.get('services', 'kube-system', 'kube-dns') as unknown as { metadata: { labels: Record<string, string> }; spec: { clusterIP: string; ports: { name: string; port: number; protocol: string }[] } };
    expect(svc.spec.clusterIP).toBe('10.96.0.10');
    expect(svc.spec.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
    expect(svc.metadata.labels).toMatchObject({ 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' });
  });

  it("applies kind's storage manifest as kubectl apply does (last-applied annotation)", () => {
    const c = createCluster();
    const cm = c.api.get('configmaps', 'local-path-storage', 'local-path-config');
    expect(Object.keys(cm.data as object).sort()).toEqual(['config.json', 'helperPod.yaml', 'setup', 'teardown']);
    const applied = JSON.parse(cm.metadata.annotations![LAST_APPLIED_ANNOTATION]);
    expect(applied.metadata).toEqual({ annotations: {}, name: 'local-path-config', namespace: 'local-path-storage' });
    expect(c.api.get('namespaces', undefined, 'local-path-storage').metadata.annotations?.[LAST_APPLIED_ANNOTATION]).toBe('{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"local-path-storage"}}\n');
  });

  it("gives kube-system the controller-manager's accounts besides default, coredns, kindnet and kube-proxy", () => {
    const c = createCluster();
    const names = c.api.list('serviceaccounts', 'kube-system').map((s) => s.metadata.name);
    expect(names).toEqual([...CONTROLLER_SERVICE_ACCOUNTS, 'coredns', 'default', 'kindnet', 'kube-proxy'].sort());
  });
});
