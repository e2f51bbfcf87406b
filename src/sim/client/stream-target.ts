/**
 * Where `exec` and `attach` connect: the api-server's checks (streamLocation and AttachLocation in
 * pkg/registry/core/pod/strategy.go: a container named or the only one, a valid name, a node),
 * then the kubelet of the pod's node, which finds the running container (`container not found`
 * otherwise, kubelet's GetExec/GetAttach).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { statusError } from '../api/errors';
import { assertStreamReachable } from './kubelet-dial';
import type { KObject } from '../core/object';
import type { Kubelet } from '../kubelet/kubelet';
import type { PodSandbox, RunningContainer } from '../kubelet/exec/sandbox';

export function streamTarget(obj: KObject, requested: string | undefined, kubelets: ReadonlyMap<string, Kubelet>): { sandbox: PodSandbox; running: RunningContainer } {
  const pod = obj as unknown as Pod;
  const name = obj.metadata.name!;
  const spec = pod.spec ?? { containers: [] };
  let container = requested ?? '';
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
  assertStreamReachable(kubelets.get(spec.nodeName));
  const sandbox = kubelets.get(spec.nodeName)?.sandbox(obj.metadata.uid!);
  const running = sandbox?.running().find((c) => c.name === container);
  if (!sandbox || !running) throw statusError('InternalError', `Internal error occurred: unable to upgrade connection: container not found ("${container}")`);
  return { sandbox, running };
}
