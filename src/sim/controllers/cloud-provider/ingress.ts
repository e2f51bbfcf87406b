/**
 * cloud-provider-kind's Ingress controller (`pkg/ingress`, v0.9+): it creates IngressClass
 * `cloud-provider-kind` (controller `kind.sigs.k8s.io/ingress-controller`, the default class)
 * and serves the Ingresses of that class (or of none, being the default). Each namespace with
 * one gets a Gateway `kind-ingress-gateway` whose envoy container takes an address on the kind
 * network a few seconds later; every served Ingress of the namespace then reports that address.
 * The Gateway and HTTPRoute objects of the translation are kept inside (the sim does not serve
 * Gateway API kinds); the controller records no events, as the real one.
 */
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { keyOf, splitKey } from '../../core/keys';
import { sameJson } from '../../core/json-equal';
import type { KObject } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import { DEFAULT_CLASS_ANNOTATION } from '../../kinds/networking/ingress';
import type { DockerNetwork } from './addresses';
import { LB_CONTAINER_START_MS } from './service-lb';

export const CLOUD_INGRESS_CLASS = 'cloud-provider-kind';
export const CLOUD_INGRESS_CONTROLLER = 'kind.sigs.k8s.io/ingress-controller';

type IngressObject = Ingress & KObject;

export class CloudIngressController {
  readonly queue: WorkQueue;
  /** Namespace → its Gateway's envoy container. */
  private readonly gateways = new Map<string, { ip: string; readyAt: number }>();
  /** IP → namespace, for the data path's lookups. */
  private readonly byIP = new Map<string, string>();

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
    private readonly network: DockerNetwork,
    private readonly running: () => boolean,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'ingress-controller');
    informers.for('ingresses').onChange((obj) => {
      if (this.running()) this.queue.add(keyOf(obj));
    });
    informers.for('ingressclasses').onChange((obj) => {
      if (this.running() && obj.metadata.name === CLOUD_INGRESS_CLASS) this.resync();
    });
  }

  /** Controller start (`Init`): the IngressClass, then every Ingress. */
  resync(): void {
    if (!this.informers.for('ingressclasses').get(undefined, CLOUD_INGRESS_CLASS)) {
      this.ctx.api.create('ingressclasses', undefined, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: CLOUD_INGRESS_CLASS, annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
        spec: { controller: CLOUD_INGRESS_CONTROLLER },
      });
    }
    for (const ing of this.informers.for('ingresses').list()) this.queue.add(keyOf(ing));
  }

  /** The provider stopped: its Gateways' envoy containers go with it (the Ingresses keep their status). */
  stop(): void {
    for (const g of this.gateways.values()) this.network.release(g.ip);
    this.gateways.clear();
    this.byIP.clear();
  }

  /** isIngressForUs: our class by name, or no class while ours is the default. */
  serves(ing: Ingress): boolean {
    const name = ing.spec?.ingressClassName;
    if (name) return name === CLOUD_INGRESS_CLASS;
    const ours = this.informers.for('ingressclasses').get(undefined, CLOUD_INGRESS_CLASS) as (IngressClass & KObject) | undefined;
    return ours?.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
  }

  /** The namespace whose Gateway listens on `ip`, once its container is up. */
  namespaceAt(ip: string): string | undefined {
    const ns = this.byIP.get(ip);
    return ns !== undefined && this.gateways.get(ns)!.readyAt <= this.ctx.clock.now() ? ns : undefined;
  }

  /** The Ingresses the namespace's Gateway routes. */
  ingressesIn(namespace: string): IngressObject[] {
    return (this.informers.for('ingresses').list(namespace) as IngressObject[]).filter((i) => !i.metadata.deletionTimestamp && this.serves(i));
  }

  sync(key: string): number | void {
    if (!this.running()) return;
    const [ns, name] = splitKey(key);
    const ing = this.informers.for('ingresses').get(ns, name) as IngressObject | undefined;
    if (!ing || !this.serves(ing)) return;
    const now = this.ctx.clock.now();
    let gw = this.gateways.get(ns!);
    if (!gw) {
      const ip = this.network.allocate();
      if (!ip) return;
      this.gateways.set(ns!, (gw = { ip, readyAt: now + LB_CONTAINER_START_MS }));
      this.byIP.set(ip, ns!);
    }
    // updateIngressStatus returns an error until the Gateway has an address: requeued.
    if (gw.readyAt > now) return gw.readyAt - now;
    const loadBalancer = { ingress: [{ ip: gw.ip }] };
    if (sameJson(ing.status?.loadBalancer ?? {}, loadBalancer)) return;
    try {
      this.ctx.api.updateStatus('ingresses', ns, { ...ing, status: { ...ing.status, loadBalancer } });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return 1000;
    }
  }
}
