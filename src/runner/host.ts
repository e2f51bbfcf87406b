/** The learner's host shell over a headless cluster: what a transcript's `$` lines run in. */
import { kubectl } from '../kubectl';
import type { KubeConfig, Workspace } from '../kubectl/types';
import type { Cluster } from '../sim/cluster';
import { createClient } from '../sim/client';
import { HostShell } from '../shell/host/host-shell';
import { hostSystem } from '../sim/network/host/host-system';
import { kindNodes } from '../sim/fs/node-exec';
import type { ShellProgram } from '../shell/interpreter';

export function headlessHost(cluster: Cluster, workspace: Workspace, config: KubeConfig, programs?: ReadonlyMap<string, ShellProgram>): HostShell {
  const client = createClient(cluster);
  return new HostShell({
    kubectl: (argv, io) => kubectl(client, argv, { ...io, seed: cluster.options.seed, config, localPorts: cluster.hostPorts }),
    workspace: () => workspace,
    now: () => cluster.clock.now(),
    tty: false,
    network: hostSystem(cluster.network, () => cluster.clock.now()),
    nodes: kindNodes(cluster, cluster.nodeContainers),
    ...(programs ? { programs } : {}),
  });
}
