/**
 * `POST …/pods/NAME/attach`: the api-server's and kubelet's checks (./stream-target.ts), then
 * the container's main process joined (../kubelet/exec/attach.ts).
 */
import type { PodAttachOptions, RemoteProcess, Streams } from '../../kubectl/client';
import type { Clock } from '../core/clock';
import type { KObject } from '../core/object';
import type { Kubelet } from '../kubelet/kubelet';
import { startAttach } from '../kubelet/exec/attach';
import type { ClusterNetwork } from '../network/cluster-network';
import { podNetworkOf } from '../kubelet/exec/network';
import { streamTarget } from './stream-target';

export function attachToPod(obj: KObject, opts: PodAttachOptions, streams: Streams, kubelets: ReadonlyMap<string, Kubelet>, clock: Clock, network?: ClusterNetwork): RemoteProcess {
  const { sandbox, running } = streamTarget(obj, opts.container, kubelets);
  return startAttach(sandbox, running, { stdin: !!opts.stdin, tty: !!opts.tty }, streams, clock, network ? podNetworkOf(network) : () => ({}));
}
