/**
 * The pod network as a process inside a pod sees it: the cluster network's view from this pod
 * (src/sim/network/net-system.ts) — `localhost` and the pod's own IP reach its own containers
 * (one network namespace), other pods' IPs, Service names and VIPs through CoreDNS and
 * kube-proxy, NodePorts on the nodes' IPs. Probes reach the same apps (`answer`).
 */
import type { ClusterNetwork } from '../../network/cluster-network';
import { endpointOf } from '../../network/cluster-network';
import { netSystem } from '../../network/net-system';
import type { PodNetworkOf } from './sandbox';

export { answer } from '../../network/pod-app';

export function podNetworkOf(network: ClusterNetwork): PodNetworkOf {
  return (self, now, lasting = false) => netSystem(network, { kind: 'pod', sandbox: self, endpoint: endpointOf(self) }, now, !lasting);
}
