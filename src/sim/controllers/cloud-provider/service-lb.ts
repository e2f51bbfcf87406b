/**
 * cloud-provider-kind's service controller (k8s.io/cloud-provider `controllers/service` driving
 * cloud-provider-kind's `pkg/loadbalancer`): a LoadBalancer Service gets the cleanup finalizer,
 * `EnsuringLoadBalancer`, an envoy container on the kind network (a few seconds), then
 * `status.loadBalancer.ingress[0]` with that container's IP (ipMode Proxy, the ports) and
 * `EnsuredLoadBalancer`. A Service that stops wanting one (another type, deleted) has its
 * container removed (`DeletingLoadBalancer`, `DeletedLoadBalancer`) and the finalizer dropped.
 */
import type { Service } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { keyOf, splitKey } from '../../core/keys';
import { sameJson } from '../../core/json-equal';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import type { DockerNetwork } from './addresses';

export const LB_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
/** How long `docker run` of the envoy container takes before its address is reported. */
export const LB_CONTAINER_START_MS = 3000;

type ServiceObject = Service & KObject;

const wantsLoadBalancer = (s: ServiceObject | undefined): boolean => s?.spec?.type === 'LoadBalancer' && !s.spec.loadBalancerClass;

export class ServiceLoadBalancers {
  readonly queue: WorkQueue;
  /** Service key → its load balancer container's IP, when it is up, and whether an `EnsuringLoadBalancer` awaits its `Ensured`. */
  private readonly containers = new Map<string, { ip: string; readyAt: number; ensuring: boolean }>();
  /** IP → Service key: the data path asks this on every request to a load balancer address. */
  private readonly byIP = new Map<string, string>();
  private readonly record: ReturnType<SimContext['events']['for']>;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
    private readonly network: DockerNetwork,
    private readonly running: () => boolean,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'service-controller');
    this.record = ctx.events.for({ component: 'service-controller' });
    informers.for('services').onChange((obj, old, type) => {
      if (!this.running()) return;
      const cur = obj as ServiceObject;
      const before = old as ServiceObject | undefined;
      if (type === 'MODIFIED' && before && (wantsLoadBalancer(before) || wantsLoadBalancer(cur)) && before.spec?.type !== cur.spec?.type) {
        this.record(cur, 'Normal', 'Type', `${before.spec?.type} -> ${cur.spec?.type}`);
      }
      if (wantsLoadBalancer(cur) || wantsLoadBalancer(before) || this.containers.has(keyOf(cur)) || cur.metadata.finalizers?.includes(LB_CLEANUP_FINALIZER)) {
        this.queue.add(keyOf(cur));
      }
    });
  }

  /** The provider came up: look at every Service. */
  resync(): void {
    for (const s of this.informers.for('services').list()) this.queue.add(keyOf(s));
  }

  /**
   * The provider stopped: like cloud-provider-kind's cleanup on exit it removes every load
   * balancer container (their addresses stop answering) but leaves the Services' status as it
   * was. Started again, it ensures each LoadBalancer anew, on a new address.
   */
  stop(): void {
    for (const key of [...this.containers.keys()]) this.removeContainer(key);
  }

  /** The Service (namespace/name) whose load balancer has `ip`, if any. */
  serviceAt(ip: string): string | undefined {
    const key = this.byIP.get(ip);
    return key !== undefined && this.containers.get(key)!.readyAt <= this.ctx.clock.now() ? key : undefined;
  }

  sync(key: string): number | void {
    if (!this.running()) return;
    const [ns, name] = splitKey(key);
    const svc = this.informers.for('services').get(ns, name) as ServiceObject | undefined;
    try {
      if (!svc) return this.removeContainer(key);
      if (!wantsLoadBalancer(svc) || svc.metadata.deletionTimestamp) return this.cleanUp(key, svc);
      return this.ensure(key, svc);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return 1000;
    }
  }

  private ensure(key: string, found: ServiceObject): number | void {
    let svc = found;
    if (!svc.metadata.finalizers?.includes(LB_CLEANUP_FINALIZER)) {
      svc = this.ctx.api.update('services', svc.metadata.namespace, { ...svc, metadata: { ...svc.metadata, finalizers: [...(svc.metadata.finalizers ?? []), LB_CLEANUP_FINALIZER] } }) as ServiceObject;
    }
    const now = this.ctx.clock.now();
    let container = this.containers.get(key);
    if (!container) {
      const ip = this.network.allocate(svc.spec?.loadBalancerIP || undefined);
      if (!ip) {
        this.record(svc, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: failed to ensure load balancer: address ${svc.spec?.loadBalancerIP || ''} is not available on network kind`);
        return 30_000;
      }
      this.record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
      container = { ip, readyAt: now + LB_CONTAINER_START_MS, ensuring: true };
      this.containers.set(key, container);
      this.byIP.set(ip, key);
    }
    if (container.readyAt > now) return container.readyAt - now;
    const status = {
      ingress: [{ ip: container.ip, ipMode: 'Proxy', ports: (svc.spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })) }],
    };
    if (sameJson(svc.status?.loadBalancer ?? {}, status)) return;
    // A change to a running load balancer (its ports) is ensured again at once.
    if (!container.ensuring) this.record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    container.ensuring = false;
    this.ctx.api.updateStatus('services', svc.metadata.namespace, { ...svc, status: { ...svc.status, loadBalancer: status } });
    this.record(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
  }

  private cleanUp(key: string, svc: ServiceObject): void {
    const hasFinalizer = svc.metadata.finalizers?.includes(LB_CLEANUP_FINALIZER);
    if (!this.containers.has(key) && !hasFinalizer) return;
    this.record(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
    this.removeContainer(key);
    let current = svc;
    if (!svc.metadata.deletionTimestamp && svc.status?.loadBalancer?.ingress?.length) {
      current = this.ctx.api.updateStatus('services', svc.metadata.namespace, { ...svc, status: { ...svc.status, loadBalancer: {} } }) as ServiceObject;
    }
    if (hasFinalizer) {
      const metadata = { ...current.metadata, finalizers: (current.metadata.finalizers ?? []).filter((f) => f !== LB_CLEANUP_FINALIZER) };
      if (metadata.finalizers.length === 0) delete (metadata as { finalizers?: string[] }).finalizers;
      this.ctx.api.update('services', svc.metadata.namespace, { ...current, metadata });
    }
    this.record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
  }

  private removeContainer(key: string): void {
    const c = this.containers.get(key);
    if (!c) return;
    this.network.release(c.ip);
    this.containers.delete(key);
    this.byIP.delete(c.ip);
  }
}
