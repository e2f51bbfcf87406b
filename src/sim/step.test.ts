import { describe, expect, it } from 'vitest';
import { runKubectl } from '../runner/run-kubectl';
import { DEFAULT_KUBECONFIG } from '../kubectl/types';
import { createCluster, type Cluster } from './cluster';
import { stepAction, stepSecond } from './step';

function kubectl(cluster: Cluster, line: string): string {
  let out = '';
  const io = { workspace: { read: () => undefined, list: () => [] }, config: { ...DEFAULT_KUBECONFIG }, out: (t: string) => (out += t), err: (t: string) => (out += t) };
  runKubectl(cluster, line.split(' ').slice(1), io);
  return out;
}

function names(cluster: Cluster, resource: string): string[] {
  return cluster.store.list(resource, 'default').map((o) => o.metadata.name!);
}

/** Steps until a line matches `pattern`; returns every step's lines on the way. */
function stepUntil(cluster: Cluster, pattern: RegExp, max = 30): string[][] {
  const steps: string[][] = [];
  for (let i = 0; i < max; i++) {
    const { lines } = stepAction(cluster.clock, cluster.store);
    steps.push(lines);
    if (lines.some((l) => pattern.test(l))) return steps;
  }
  throw new Error(`no step matched ${pattern}: ${JSON.stringify(steps)}`);
}

describe('a held cluster', () => {
  it('runs nothing after a write until stepped, and then one action per step', () => {
    const cluster = createCluster({ seed: 7 });
    cluster.hold(true);
    const start = cluster.clock.now();
    expect(kubectl(cluster, 'kubectl create deployment web --image=nginx --replicas=2')).toBe('deployment.apps/web created\n');
    expect(names(cluster, 'replicasets')).toEqual([]);
    expect(names(cluster, 'pods')).toEqual([]);

    const first = stepAction(cluster.clock, cluster.store).lines;
    const [rs] = names(cluster, 'replicasets');
    expect(first[0]).toBe(`deployment-controller created ReplicaSet ${rs}`);
    expect(names(cluster, 'pods')).toEqual([]);

    const second = stepAction(cluster.clock, cluster.store).lines;
    const pods = names(cluster, 'pods');
    expect(pods).toHaveLength(2);
    expect(second.slice(0, 2).sort()).toEqual(pods.map((p) => `replicaset-controller created Pod ${p}`));
    expect(second.slice(2)).toEqual([`replicaset-controller updated ReplicaSet ${rs}`]);
    expect(cluster.clock.now()).toBe(start);

    const bound = stepUntil(cluster, /^default-scheduler bound Pod /).pop()!;
    for (const line of bound) expect(line).toMatch(new RegExp(`^default-scheduler bound Pod (${pods.join('|')}) to kind-worker\\d?$`));
    const creating = stepUntil(cluster, /^kubelet \(kind-worker\d?\) updated Pod .* \(ContainerCreating\)$/).pop()!;
    expect(creating).toHaveLength(1);
    const pulling = stepUntil(cluster, /pulling image "nginx"/).pop()!;
    expect(pulling).toEqual([expect.stringMatching(/^kubelet \(kind-worker\d?\) pulling image "nginx" \(Pod web-[a-z0-9]+-[a-z0-9]{5}\)$/)]);
    const started = stepUntil(cluster, /started container nginx/).pop()!;
    expect(started.filter((l) => !l.includes('updated Node'))).toEqual([
      expect.stringMatching(/^kubelet \(kind-worker\d?\) successfully pulled image "nginx" in [\d.]+s \([\d.]+s including waiting\) \(Pod web-/),
      expect.stringMatching(/^kubelet \(kind-worker\d?\) created container nginx \(Pod web-/),
      expect.stringMatching(/^kubelet \(kind-worker\d?\) started container nginx \(Pod web-/),
    ]);
    expect(cluster.clock.now()).toBeGreaterThan(start);
  });

  it('is deterministic: the same cluster and steps give the same lines', () => {
    const walk = () => {
      const cluster = createCluster({ seed: 3 });
      cluster.hold(true);
      kubectl(cluster, 'kubectl create deployment web --image=nginx --replicas=3');
      return Array.from({ length: 20 }, () => [cluster.clock.now(), ...stepAction(cluster.clock, cluster.store).lines]);
    };
    expect(walk()).toEqual(walk());
  });

  it('moves one second when nothing is due, and says nothing happened', () => {
    // No system pods: their probes would be due every second (silent steps up to the horizon).
    const cluster = createCluster({ seed: 1, system: false });
    const now = cluster.clock.now();
    expect(stepAction(cluster.clock, cluster.store).lines).toEqual([]);
    expect(cluster.clock.now()).toBe(Math.floor(now / 1000) * 1000 + 1000);
  });

  it('runs on to the next whole second with stepSecond, telling every write on the way', () => {
    const cluster = createCluster({ seed: 7 });
    cluster.hold(true);
    kubectl(cluster, 'kubectl create deployment web --image=nginx --replicas=2');
    const { lines } = stepSecond(cluster.clock, cluster.store);
    expect(cluster.clock.now() % 1000).toBe(0);
    expect(names(cluster, 'pods')).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('default-scheduler bound Pod'))).toHaveLength(2);
  });

  it('settles as before when not held', () => {
    const cluster = createCluster({ seed: 7 });
    kubectl(cluster, 'kubectl create deployment web --image=nginx --replicas=2');
    expect(names(cluster, 'pods')).toHaveLength(2);
  });
});
