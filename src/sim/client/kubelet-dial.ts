/**
 * The api-server dialing a node's kubelet (port 10250) for logs, exec and attach: a stopped kind
 * node's address has left the docker network, so the dial fails with the host unreachable, and
 * the api-server passes the plain error on (a Status with no reason, as ErrorToAPIStatus makes).
 */
import { statusError } from '../api/errors';
import type { Kubelet } from '../kubelet/kubelet';

function dialError(kubelet: Kubelet): string {
  return `dial tcp ${kubelet.internalIP}:10250: connect: no route to host`;
}

/** `GET pods/log`: the kubelet's containerLogs URL in the error. */
export function assertLogsReachable(kubelet: Kubelet | undefined, namespace: string, pod: string, container: string): void {
  if (!kubelet || kubelet.running) return;
  throw statusError('', `Get "https://${kubelet.internalIP}:10250/containerLogs/${namespace}/${pod}/${container}": ${dialError(kubelet)}`);
}

/** exec, attach: the upgrade proxy's error. */
export function assertStreamReachable(kubelet: Kubelet | undefined): void {
  if (!kubelet || kubelet.running) return;
  throw statusError('', `error dialing backend: ${dialError(kubelet)}`);
}
