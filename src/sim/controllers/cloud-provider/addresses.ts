/**
 * The `kind` docker network's addresses (172.18.0.0/16, gateway .1, the nodes from .2): where
 * cloud-provider-kind's load-balancer containers get theirs. Docker's IPAM hands addresses out
 * serially, so a released address is not given again until the range wraps; a container asking
 * for one (`--ip`, from `spec.loadBalancerIP`) gets it when it is free.
 */
import { formatIPv4, parseIPv4 } from '../../core/names';

const FIRST = parseIPv4('172.18.0.2')!;
const LAST = parseIPv4('172.18.255.254')!;

export class DockerNetwork {
  private readonly used = new Set<number>();
  private next: number;

  /** `taken`: the nodes' addresses. */
  constructor(taken: readonly string[]) {
    for (const ip of taken) {
      const n = parseIPv4(ip);
      if (n !== undefined) this.used.add(n);
    }
    this.next = Math.max(FIRST, ...this.used) + 1;
  }

  /** The next free address, or `requested` when it is free; undefined when none is. */
  allocate(requested?: string): string | undefined {
    if (requested) {
      const n = parseIPv4(requested);
      if (n === undefined || this.used.has(n)) return undefined;
      this.used.add(n);
      return requested;
    }
    for (let i = 0; i <= LAST - FIRST; i++) {
      const n = this.next;
      this.next = n >= LAST ? FIRST : n + 1;
      if (!this.used.has(n)) {
        this.used.add(n);
        return formatIPv4(n);
      }
    }
    return undefined;
  }

  release(ip: string): void {
    const n = parseIPv4(ip);
    if (n !== undefined) this.used.delete(n);
  }
}
