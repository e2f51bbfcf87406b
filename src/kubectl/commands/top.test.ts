import { describe, expect, it } from 'vitest';
import { execKubectl } from '../../runner/exec';
import { createCluster } from '../../sim/cluster';

const run = (c: ReturnType<typeof createCluster>, line: string) => execKubectl(c, line.split(' '));

describe('kubectl top', () => {
  it('fails without the metrics API, as kubectl does', () => {
    const c = createCluster();
    expect(run(c, 'top pod')).toMatchObject({ code: 1, stderr: 'error: Metrics API not available\n' });
    expect(run(c, 'top nodes')).toMatchObject({ code: 1, stderr: 'error: Metrics API not available\n' });
  });

  it('checks its flags before asking the server', () => {
    const c = createCluster();
    expect(run(c, 'top pod --sort-by=name').stderr).toBe('error: --sort-by accepts only cpu or memory\n');
    expect(run(c, 'top node n -l a=b').stderr).toBe('error: only one of NAME or --selector can be provided\n');
    expect(run(c, 'top pods a b').stderr).toBe("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n");
  });

  it('prints pods with tab-terminated cells (even the last column is padded), CPU in m, memory in Mi', () => {
    const c = createCluster({ addons: ['metrics-server'] });
    run(c, 'run web --image=nginx');
    c.advance(60_000);
    expect(run(c, 'top pod').stdout).toBe('NAME   CPU(cores)   MEMORY(bytes)   \nweb    0m           3Mi             \n');
    expect(run(c, 'top po --containers --no-headers').stdout).toBe('web   web   0m    3Mi   \n');
  });

  it('prints nodes with their share of allocatable, truncated', () => {
    const c = createCluster({ addons: ['metrics-server'], workers: 1 });
    c.advance(60_000);
    expect(run(c, 'top node kind-control-plane').stdout).toBe('NAME                 CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nkind-control-plane   262m         6%       986Mi           12%         \n');
  });

  it('says why a namespace has no metrics: pods too young, or none at all', () => {
    const c = createCluster({ addons: ['metrics-server'] });
    c.advance(60_000);
    run(c, 'run web --image=nginx');
    expect(run(c, 'top pod').stderr).toBe('error: metrics not available yet\n');
    expect(run(c, 'top pod -n kube-public')).toMatchObject({ code: 0, stderr: 'No resources found in kube-public namespace.\n' });
  });
});
