import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { execKubectl } from '../../../runner/exec';
import { createCluster } from '../../cluster';
import { createClient } from '../../client';

function pod(cluster: ReturnType<typeof createCluster>, name: string) {
  return cluster.api.get('pods', 'default', name) as unknown as Pod;
}

describe('attach', () => {
  it('a shell with stdin: true waits for its terminal; its exit ends the container with that code', () => {
    const cluster = createCluster({ seed: 4 });
    cluster.api.create('pods', 'default', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'box' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'box', image: 'busybox:1.37', command: ['sh'], stdin: true, tty: true }] },
    });
    cluster.advance(60_000);
    expect(pod(cluster, 'box').status?.phase).toBe('Running');
    let out = '';
    const proc = createClient(cluster).attach('default', 'box', { stdin: true, tty: true }, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(out).toBe('/ # ');
    proc.write('echo $HOSTNAME\n');
    expect(out).toBe('/ # box\n/ # ');
    expect(proc.exitCode).toBeUndefined();
    proc.write('exit 3\n');
    expect(proc.exitCode).toBe(3);
    cluster.advance(2_000);
    const status = pod(cluster, 'box').status!;
    expect(status.phase).toBe('Failed');
    expect(status.containerStatuses?.[0].state?.terminated?.exitCode).toBe(3);
  });

  it('without stdin the same shell reads nothing and exits at once, as a real one does', () => {
    const cluster = createCluster({ seed: 4 });
    execKubectl(cluster, ['run', 'box', '--image=busybox:1.37', '--restart=Never', '--', 'sh']);
    cluster.advance(60_000);
    expect(pod(cluster, 'box').status?.phase).toBe('Succeeded');
  });

  it('any other process: what it writes from the attach on, until it exits', () => {
    const cluster = createCluster({ seed: 4 });
    execKubectl(cluster, ['run', 'count', '--image=busybox:1.37', '--restart=Never', '--', 'sh', '-c', 'echo one; sleep 5; echo two; sleep 5; echo three']);
    cluster.advance(7_000);
    let out = '';
    const proc = createClient(cluster).attach('default', 'count', {}, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(proc.exitCode).toBeUndefined();
    expect(out).toBe('');
    cluster.advance(10_000);
    expect(proc.exitCode).toBe(0);
    expect(out).toBe('three\n');
  });

  it('a process on the network shows its stream as it comes, text without a newline too (a load generator)', () => {
    const cluster = createCluster({ seed: 4 });
    execKubectl(cluster, ['create', 'deployment', 'php-apache', '--image=registry.k8s.io/hpa-example']);
    execKubectl(cluster, ['expose', 'deployment', 'php-apache', '--port=80']);
    cluster.advance(30_000);
    execKubectl(cluster, ['run', 'load', '--image=busybox:1.28', '--restart=Never', '--', 'sh', '-c', 'while sleep 1; do wget -q -O- http://php-apache; done']);
    cluster.advance(10_000);
    let out = '';
    const proc = createClient(cluster).attach('default', 'load', {}, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(proc.exitCode).toBeUndefined();
    // Nothing from before the attach.
    expect(out).toBe('');
    cluster.advance(3_000);
    expect(proc.exitCode).toBeUndefined();
    expect(out).toBe('OK!OK!OK!');
    // The log has no line of it yet: containerd writes a line at its newline or at 16 KiB.
    expect(execKubectl(cluster, ['logs', 'load']).stdout).toBe('');
  });
});
