/**
 * `POST …/pods/NAME/portforward`: the api-server's check (PortForwardLocation in
 * pkg/registry/core/pod/strategy.go: the pod must be on a node), then a stream to that node's
 * kubelet that lasts as long as the pod's sandbox (its network namespace) does. The forwarded
 * connections reach the pod through the host's ports (../network/host-ports.ts).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PortForward } from '../../kubectl/client';
import { statusError } from '../api/errors';
import type { KObject } from '../core/object';
import type { Kubelet } from '../kubelet/kubelet';

export function portForwardToPod(obj: KObject, kubelets: ReadonlyMap<string, Kubelet>): PortForward {
  const nodeName = (obj as unknown as Pod).spec?.nodeName;
  if (!nodeName) throw statusError('BadRequest', `pod ${obj.metadata.name} does not have a host assigned`);
  const kubelet = kubelets.get(nodeName);
  const uid = obj.metadata.uid!;
  let closed = false;
  return {
    get lost() {
      return !closed && !kubelet?.sandbox(uid);
    },
    close() {
      closed = true;
    },
  };
}
