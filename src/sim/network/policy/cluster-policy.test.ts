import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { execKubectl } from '../../../runner/exec';
import { createCluster, type Cluster } from '../../cluster';
import type { PodEndpoint } from '../types';

function endpoint(cluster: Cluster, name: string, namespace = 'default'): PodEndpoint {
  const pod = cluster.api.get('pods', namespace, name) as unknown as Pod;
  return { namespace, name, ip: pod.status!.podIP!, nodeName: pod.spec!.nodeName!, labels: pod.metadata!.labels ?? {} };
}

describe('cluster.networkPolicy', () => {
  it('follows the policies, pods and namespaces kubectl writes (default deny, then allow one client by label)', () => {
    const cluster = createCluster({ seed: 9 });
    const k = (...argv: string[]) => execKubectl(cluster, argv);
    k('run', 'web', '--image=nginx:1.27', '--labels=app=web', '--port=80');
    k('run', 'client', '--image=busybox:1.37', '--labels=role=client', '--', 'sleep', '3600');
    k('run', 'other', '--image=busybox:1.37', '--', 'sleep', '3600');
    k('create', 'namespace', 'tools');
    k('run', 'probe', '-n', 'tools', '--image=busybox:1.37', '--labels=role=client', '--', 'sleep', '3600');
    cluster.advance(10_000);
    const [web, client, other, probe] = [endpoint(cluster, 'web'), endpoint(cluster, 'client'), endpoint(cluster, 'other'), endpoint(cluster, 'probe', 'tools')];
    const check = cluster.networkPolicy.check;
    expect(cluster.networkPolicy.empty).toBe(true);
    expect(check(other, web, 80, 'TCP')).toBe(true);

    const policy = (yaml: string) => execKubectl(cluster, ['apply', '-f', '-'], { stdin: yaml });
    policy('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny}\nspec: {podSelector: {}}\n');
    expect(cluster.networkPolicy.empty).toBe(false);
    expect(check(client, web, 80, 'TCP')).toBe(false);
    expect(check(probe, web, 80, 'TCP')).toBe(false);
    policy('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-client}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {role: client}}\n    ports:\n    - port: 80\n');
    expect(check(client, web, 80, 'TCP')).toBe(true);
    expect(check(client, web, 8080, 'TCP')).toBe(false);
    expect(check(other, web, 80, 'TCP')).toBe(false);
    expect(check(probe, web, 80, 'TCP')).toBe(false);
    // Relabelling the client's pod changes the verdict at once.
    k('label', 'pod', 'other', 'role=client');
    expect(check({ ...other, labels: { ...other.labels, role: 'client' } }, web, 80, 'TCP')).toBe(true);
    k('delete', 'networkpolicy', 'default-deny', 'allow-client');
    expect(check(other, web, 80, 'TCP')).toBe(true);
  });
});
