import { describe, expect, it } from 'vitest';
import { kubectl } from '..';
import { EMPTY_WORKSPACE, execKubectl } from '../../runner/exec';
import { createCluster, type Cluster } from '../../sim/cluster';
import { createClient } from '../../sim/client';
import { DEFAULT_KUBECONFIG, type KubectlIO } from '../types';

/** A port-forward left running, as a terminal would keep it: its output, and Ctrl+C. */
function start(cluster: Cluster, argv: string[]) {
  let out = '';
  let err = '';
  const io: KubectlIO = { seed: 1, workspace: EMPTY_WORKSPACE, config: { ...DEFAULT_KUBECONFIG }, out: (t) => (out += t), err: (t) => (err += t), localPorts: cluster.hostPorts };
  const program = kubectl(createClient(cluster), argv, io);
  let step = program.next();
  return {
    out: () => out,
    err: () => err,
    running: () => !step.done,
    /** Lets virtual time pass and looks again, as a host does after writes. */
    tick(ms = 0) {
      cluster.clock.advance(ms);
      while (!step.done && step.value.until()) step = program.next(true);
      return step.done ? step.value : undefined;
    },
    ctrlC() {
      program.return(130);
    },
  };
}

function web(cluster: Cluster) {
  execKubectl(cluster, ['run', 'web', '--image=nginx:1.27', '--port=80']);
  cluster.clock.advance(10_000);
}

describe('kubectl port-forward', () => {
  it('binds the host port until Ctrl+C and says so for each connection', () => {
    const cluster = createCluster({ seed: 3 });
    web(cluster);
    const pf = start(cluster, ['port-forward', 'pod/web', '8080:80']);
    expect(pf.out()).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(cluster.hostPorts.lookup(8080)).toEqual({ namespace: 'default', pod: 'web', port: 80 });
    expect(cluster.hostPorts.connect(8080)).toEqual({ namespace: 'default', pod: 'web', port: 80 });
    cluster.hostPorts.connect(8080);
    expect(pf.out()).toContain('Handling connection for 8080\nHandling connection for 8080\n');
    expect(pf.tick(60_000)).toBeUndefined();
    expect(pf.running()).toBe(true);
    pf.ctrlC();
    expect(cluster.hostPorts.lookup(8080)).toBeUndefined();
    expect(cluster.hostPorts.connect(8080)).toBeUndefined();
  });

  it('a port another forward holds: client-go’s listener errors, and nothing bound at all is an error', () => {
    const cluster = createCluster({ seed: 3 });
    web(cluster);
    const first = start(cluster, ['port-forward', 'web', '8080:80']);
    const second = start(cluster, ['port-forward', 'web', '8080:80', '9090:80']);
    expect(second.err()).toBe(
      'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\n',
    );
    expect(second.out()).toBe('Forwarding from 127.0.0.1:9090 -> 80\nForwarding from [::1]:9090 -> 80\n');
    const third = start(cluster, ['port-forward', 'web', '8080:80']);
    expect(third.running()).toBe(false);
    expect(third.err()).toContain('error: unable to listen on any of the requested ports: [{8080 80}]\n');
    second.ctrlC();
    expect(cluster.hostPorts.lookup(9090)).toBeUndefined();
    expect(cluster.hostPorts.lookup(8080)).toBeDefined();
    first.ctrlC();
  });

  it('ends with "lost connection to pod" when the pod goes away, and frees its ports', () => {
    const cluster = createCluster({ seed: 3 });
    web(cluster);
    const pf = start(cluster, ['port-forward', 'web', '8080:80']);
    execKubectl(cluster, ['delete', 'pod', 'web', '--wait=false']);
    let code: number | undefined;
    for (let i = 0; i < 60 && code === undefined; i++) code = pf.tick(1000);
    expect(code).toBe(1);
    expect(pf.err()).toBe('error: lost connection to pod\n');
    expect(cluster.hostPorts.lookup(8080)).toBeUndefined();
  });

  it('a connection that finds nothing listening in the pod: the kubelet\'s error, then lost connection', () => {
    const cluster = createCluster({ seed: 3 });
    web(cluster);
    const pf = start(cluster, ['port-forward', 'web', '9999:81']);
    expect(cluster.hostPorts.connect(9999)).toEqual({ namespace: 'default', pod: 'web', port: 81 });
    cluster.hostPorts.refused(9999);
    expect(pf.tick()).toBe(1);
    expect(pf.out()).toContain('Handling connection for 9999\n');
    const [klogLine, last] = pf.err().trimEnd().split('\n');
    expect(klogLine).toMatch(/^E0101 09:\d\d:\d\d\.\d{6}       1 portforward\.go:424\] "Unhandled Error" err="an error occurred forwarding 9999 -> 81: error forwarding port 81 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/var\/run\/netns\/cni-[0-9a-f-]{36}\\": failed to connect to localhost:81 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127\.0\.0\.1:81: connect: connection refused IPv6 dial tcp6 \[::1\]:81: connect: connection refused "$/);
    expect(last).toBe('error: lost connection to pod');
    expect(cluster.hostPorts.lookup(9999)).toBeUndefined();
  });

  it('picks a free local port for `:80`, the same one on replay', () => {
    const ports = [1, 2].map(() => {
      const cluster = createCluster({ seed: 3 });
      web(cluster);
      const pf = start(cluster, ['port-forward', 'web', ':80']);
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(pf.out())![1]);
      expect(port).toBeGreaterThanOrEqual(32768);
      expect(cluster.hostPorts.lookup(port)).toBeDefined();
      return port;
    });
    expect(ports[0]).toBe(ports[1]);
  });
});
