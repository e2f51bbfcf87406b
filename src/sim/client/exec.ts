/**
 * `POST …/pods/NAME/exec`: the api-server's and kubelet's checks (./stream-target.ts), then the
 * command run in the container (../kubelet/exec/session.ts).
 */
import type { PodExecOptions, RemoteProcess, Streams } from '../../kubectl/client';
import type { Clock } from '../core/clock';
import type { KObject } from '../core/object';
import type { Kubelet } from '../kubelet/kubelet';
import type { ClusterNetwork } from '../network/cluster-network';
import { podNetworkOf } from '../kubelet/exec/network';
import { startExec } from '../kubelet/exec/session';
import { streamTarget } from './stream-target';

export function execInPod(obj: KObject, opts: PodExecOptions, streams: Streams, kubelets: ReadonlyMap<string, Kubelet>, clock: Clock, network?: ClusterNetwork): RemoteProcess {
  const { sandbox, running } = streamTarget(obj, opts.container, kubelets);
  return startExec(sandbox, running, { command: opts.command, stdin: !!opts.stdin, tty: !!opts.tty }, streams, clock, network ? podNetworkOf(network) : () => ({}));
}
