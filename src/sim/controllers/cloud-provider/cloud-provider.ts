/**
 * cloud-provider-kind, the cloud controller kind's docs tell users to run beside a cluster: not
 * part of the control plane, but a process on the learner's machine with two controllers here,
 * load balancers for Services (./service-lb.ts) and Ingress (./ingress.ts), both taking
 * addresses on the kind docker network (./addresses.ts). On by default (the playground runs it);
 * off, LoadBalancer Services stay `<pending>` as in a bare kind cluster. Stopping it removes its
 * load balancer containers (as its cleanup on exit does) but not what it wrote to the API;
 * started again, it ensures every LoadBalancer anew, on new addresses.
 */
import type { SimContext } from '../../context';
import type { SharedInformers } from '../../informers/shared-informers';
import { DockerNetwork } from './addresses';
import { CloudIngressController } from './ingress';
import { ServiceLoadBalancers } from './service-lb';

export class CloudProvider {
  readonly network: DockerNetwork;
  readonly services: ServiceLoadBalancers;
  readonly ingresses: CloudIngressController;
  private on = false;

  constructor(ctx: SimContext, informers: SharedInformers, nodeIPs: readonly string[]) {
    this.network = new DockerNetwork(nodeIPs);
    const running = () => this.on;
    this.services = new ServiceLoadBalancers(ctx, informers, this.network, running);
    this.ingresses = new CloudIngressController(ctx, informers, this.network, running);
  }

  get running(): boolean {
    return this.on;
  }

  setRunning(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    if (!on) {
      this.services.stop();
      this.ingresses.stop();
      return;
    }
    this.services.resync();
    this.ingresses.resync();
  }
}

export function startCloudProvider(ctx: SimContext, informers: SharedInformers, nodeIPs: readonly string[], on: boolean): CloudProvider {
  const provider = new CloudProvider(ctx, informers, nodeIPs);
  provider.setRunning(on);
  return provider;
}
