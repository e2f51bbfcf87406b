import { describe, expect, it } from 'vitest';
import { kubectl } from '..';
import { execKubectl, EMPTY_WORKSPACE } from '../../runner/exec';
import { createCluster, type Cluster } from '../../sim/cluster';
import { createClient } from '../../sim/client';
import { DEFAULT_KUBECONFIG, type KubectlIO, type TerminalInput } from '../types';

/** `kubectl exec -it …` with a terminal: returns what was drawn, and the keyboard. */
function interactive(cluster: Cluster, argv: string[]) {
  let out = '';
  let typed: string | undefined = '';
  let reads = 0;
  const terminal: TerminalInput = {
    read() {
      reads++;
      const t = typed;
      if (t !== undefined) typed = '';
      return t;
    },
  };
  const io: KubectlIO = { seed: 1, workspace: EMPTY_WORKSPACE, config: { ...DEFAULT_KUBECONFIG }, out: (t) => (out += t), err: (t) => (out += t), terminal };
  const program = kubectl(createClient(cluster), argv, io);
  let step = program.next();
  const resume = () => {
    while (!step.done && step.value.until()) step = program.next(true);
  };
  return {
    output: () => out,
    type: (t: string) => {
      typed += t;
      resume();
    },
    ctrlD: () => {
      typed = undefined;
      resume();
    },
    result: () => (step.done ? step.value : undefined),
    /** Whether kubectl still reads the terminal: it reads on every look while the command runs. */
    attached: () => {
      const before = reads;
      if (!step.done) step.value.until();
      return reads > before;
    },
  };
}

function pods(cluster: Cluster) {
  execKubectl(cluster, ['run', 'box', '--image=busybox:1.37', '--', 'sleep', '3600']);
  execKubectl(cluster, ['run', 'web', '--image=nginx:1.27']);
  cluster.clock.advance(10_000);
}

describe('kubectl exec -it with a terminal', () => {
  it('draws the image shell’s prompt, runs each line in the container, and ends with exit', () => {
    const cluster = createCluster({ seed: 5 });
    pods(cluster);
    const s = interactive(cluster, ['exec', '-it', 'box', '--', 'sh']);
    expect(s.output()).toBe('/ # ');
    s.type('echo hi > /tmp/x\n');
    s.type('cat /tmp/x; hostname\n');
    expect(s.output()).toBe('/ # / # hi\nbox\n/ # ');
    s.type('ps\n');
    expect(s.output()).toContain('    1 root      0:00 sleep 3600\n');
    s.type('exit 4\n');
    expect(s.result()).toBe(4);
    expect(s.output().endsWith('command terminated with exit code 4\n')).toBe(true);
    expect(s.attached()).toBe(false);
  });

  it('draws Debian bash’s prompt and leaves on Ctrl+D', () => {
    const cluster = createCluster({ seed: 5 });
    pods(cluster);
    const s = interactive(cluster, ['exec', '-it', 'web', '--', 'bash']);
    expect(s.output()).toBe('root@web:/# ');
    s.type('cat /usr/share/nginx/html/50x.html | head -1\n');
    s.ctrlD();
    expect(s.output().endsWith('root@web:/# exit\n')).toBe(true);
    expect(s.result()).toBe(0);
  });

  it('keeps the working directory a `cd` line sets, in the prompt and for relative paths', () => {
    const cluster = createCluster({ seed: 5 });
    pods(cluster);
    const s = interactive(cluster, ['exec', '-it', 'web', '--', 'bash']);
    s.type('cd /usr/share/nginx/html\n');
    s.type('cat 50x.html > /tmp/copy; cat /tmp/copy | head -3\n');
    expect(s.output()).toContain('root@web:/usr/share/nginx/html# ');
    s.type('cd /nope\n');
    expect(s.output()).toContain('bash: cd: /nope: No such file or directory\n');
    s.type('cd\n');
    expect(s.output().endsWith('root@web:~# ')).toBe(true);
    const b = interactive(cluster, ['exec', '-it', 'box', '--', 'sh']);
    b.type('cd /etc\n');
    b.type('cat passwd\n');
    expect(b.output()).toContain('/etc # root:x:0:0:root:/root:/bin/sh\n');
  });

  it('draws dash’s `# ` for sh in a Debian image', () => {
    const cluster = createCluster({ seed: 5 });
    pods(cluster);
    const s = interactive(cluster, ['exec', '-it', 'web', '--', 'sh']);
    expect(s.output()).toBe('# ');
    s.type('exit\n');
    expect(s.result()).toBe(0);
  });

  it('fails at once for a shell the image lacks', () => {
    const cluster = createCluster({ seed: 5 });
    pods(cluster);
    const s = interactive(cluster, ['exec', '-it', 'box', '--', 'bash']);
    expect(s.result()).toBe(1);
    expect(s.output()).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/);
  });
});

describe('kubectl exec, one-shot', () => {
  it('reads piped input as the shell’s script with -i', () => {
    const cluster = createCluster({ seed: 5 });
    pods(cluster);
    const r = execKubectl(cluster, ['exec', '-i', 'box', '--', 'sh'], { stdin: 'echo one\nexit 2\n' });
    expect(r.stdout).toBe('one\n');
    expect(r.code).toBe(2);
  });

  it('takes as long as the command in virtual time, and gives up an endless one as Ctrl+C would', () => {
    const cluster = createCluster({ seed: 5 });
    pods(cluster);
    const t0 = cluster.clock.now();
    expect(execKubectl(cluster, ['exec', 'box', '--', 'sleep', '7']).code).toBe(0);
    expect(cluster.clock.now() - t0).toBe(7000);
    const r = execKubectl(cluster, ['exec', 'box', '--', 'sh', '-c', 'while true; do echo tick; sleep 60; done']);
    expect(r.code).toBe(130);
    expect(r.stdout.split('\n').filter(Boolean).length).toBe(11);
  });
});
