import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { execKubectl } from '../runner/exec';
import { ROOT_HELP } from './help';

const cluster = createCluster({ seed: 1 });
const run = (...argv: string[]) => execKubectl(cluster, argv);

describe('kubectl dispatch', () => {
  it('suggests commands for an unknown one, in kubectl registration order', () => {
    expect(run('gett', 'pods')).toEqual(expect.objectContaining({
      code: 1,
      output: 'Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n',
    }));
    expect(run('foo').output).toBe('Error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n\n');
    expect(run('zzzzzz').output).toBe('Error: unknown command "zzzzzz" for "kubectl"\n');
  });

  it('prints flag errors with the usage hint of the command', () => {
    expect(run('version', '--foo')).toEqual(expect.objectContaining({ code: 1, output: "Error: unknown flag: --foo\nSee 'kubectl version --help' for usage.\n" }));
    expect(run('-n').output).toBe("Error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n");
  });

  it('finds the command after global flags', () => {
    const r = run('-n', 'kube-system', 'version', '--client');
    expect(r.code).toBe(0);
    expect(r.output).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\n');
  });

  it('prints the real top-level help for a bare kubectl', () => {
    expect(run()).toEqual(expect.objectContaining({ code: 0, stdout: ROOT_HELP }));
    expect(ROOT_HELP.startsWith('kubectl controls the Kubernetes cluster manager.\n')).toBe(true);
  });
});
