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
import { hash32 } from '../core/rng';

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
    // The kubelet's streaming server (pkg/kubelet/cri/streaming/portforward) relays containerd's error.
    refused(port) {
      const sandbox = hex(`${uid}/sandbox`, 64);
      const h = hex(`${uid}/netns`, 32);
      const netns = `cni-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
      return `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "/var/run/netns/${netns}": failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
    },
    close() {
      closed = true;
    },
  };
}

/** Stable hex ids in place of containerd's random ones (replays stay byte-identical). */
function hex(seed: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += (hash32(`${i}#${seed}`) >>> 0).toString(16).padStart(8, '0');
  return out.slice(0, length);
}
