/**
 * `POST …/pods/NAME/attach`: the api-server's checks (AttachLocation in
 * pkg/registry/core/pod/strategy.go: a container named or the only one, and a node), then the
 * kubelet of the pod's node, which finds the running container and joins its main process
 * (../kubelet/exec/attach.ts).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodAttachOptions, RemoteProcess, Streams } from '../../kubectl/client';
import { statusError } from '../api/errors';
import type { Clock } from '../core/clock';
import type { KObject } from '../core/object';
import type { Kubelet } from '../kubelet/kubelet';
import { startAttach } from '../kubelet/exec/attach';
import type { ClusterNetwork } from '../network/cluster-network';
import { podNetworkOf } from '../kubelet/exec/network';

export function attachToPod(obj: KObject, opts: PodAttachOptions, streams: Streams, kubelets: ReadonlyMap<string, Kubelet>, clock: Clock, network?: ClusterNetwork): RemoteProcess {
  const pod = obj as unknown as Pod;
  const name = obj.metadata.name!;
  const spec = pod.spec ?? { containers: [] };
  let container = opts.container ?? '';
  if (!container) {
    if (spec.containers.length !== 1) {
      const inits = (spec.initContainers ?? []).map((c) => c.name);
      let msg = `a container name must be specified for pod ${name}, choose one of: [${spec.containers.map((c) => c.name).join(' ')}]`;
      if (inits.length) msg += ` or one of the init containers: [${inits.join(' ')}]`;
      throw statusError('BadRequest', msg);
    }
    container = spec.containers[0].name;
  } else if (![...spec.containers, ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].some((c) => c.name === container)) {
    throw statusError('BadRequest', `container ${container} is not valid for pod ${name}`);
  }
  if (!spec.nodeName) throw statusError('BadRequest', `pod ${name} does not have a host assigned`);
  const sandbox = kubelets.get(spec.nodeName)?.sandbox(obj.metadata.uid!);
  const running = sandbox?.running().find((c) => c.name === container);
  if (!sandbox || !running) throw statusError('InternalError', `Internal error occurred: unable to upgrade connection: container not found ("${container}")`);
  return startAttach(sandbox, running, { stdin: !!opts.stdin, tty: !!opts.tty }, streams, clock, network ? podNetworkOf(network) : () => ({}));
}
