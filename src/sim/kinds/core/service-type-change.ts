/**
 * dropTypeDependentFields (pkg/registry/core/service/strategy.go): an update that turns a
 * NodePort or LoadBalancer Service into a type without node ports wipes the fields the server
 * filled for the old type — node ports, health-check node port, allocateLoadBalancerNodePorts,
 * loadBalancerClass, externalTrafficPolicy — when the update left them as they were.
 */
import type { ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import { objects } from '../util';

const needsNodePort = (s: ServiceSpec) => s.type === 'NodePort' || s.type === 'LoadBalancer';
const needsHCNodePort = (s: ServiceSpec) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';

/** No net-new node ports: the user may add, remove or change ports, not ask for new node ports. */
function sameNodePorts(before: ServicePort[], now: ServicePort[]): boolean {
  const old = new Set(before.map((p) => p.nodePort).filter(Boolean));
  return now.every((p) => !p.nodePort || old.has(p.nodePort));
}

export function dropTypeDependentFields(spec: ServiceSpec, before: ServiceSpec): void {
  if (needsNodePort(before) && !needsNodePort(spec) && sameNodePorts(objects(before.ports), objects(spec.ports))) {
    for (const p of objects(spec.ports)) delete p.nodePort;
  }
  if (needsHCNodePort(before) && !needsHCNodePort(spec) && spec.healthCheckNodePort === before.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (before.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === before.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === before.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (needsNodePort(before) && !needsNodePort(spec) && spec.externalTrafficPolicy === before.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}
