/**
 * The learner's machine as the network sees it: a host on kind's docker network (172.18.0.1).
 * It reaches the nodes' IPs (NodePorts, hostNetwork pods), LoadBalancer and ingress addresses,
 * and its own `localhost` ports that `kubectl port-forward` binds; pod IPs and ClusterIPs live
 * inside the nodes and do not answer from here (a timeout). Its resolver knows `localhost` only.
 */
import type { ClusterNetwork } from '../cluster-network';
import { netSystem, type NetSystem } from '../net-system';

export function hostSystem(network: ClusterNetwork, now: () => number): NetSystem {
  return netSystem(network, { kind: 'host' }, now);
}
