/**
 * What the ingress-nginx controller pod does to the API while it runs (its `store` and
 * `status` packages): every Ingress it serves — of an IngressClass whose controller is
 * `k8s.io/ingress-nginx`, or of none (`--watch-ingress-without-class=true`) — gets a `Sync`
 * event ("Scheduled for sync") from `nginx-ingress-controller` each time it changes, and, once
 * the controller leads, the status address `--publish-status-address=localhost` gives
 * (`hostname: localhost`), written when it starts leading and every 60 s after. When the last
 * controller pod goes, it clears the addresses it wrote (`--update-status-on-shutdown`).
 * Dormant until the add-on's controller pod is Ready.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import { StatusError } from '../api/errors';
import type { SimContext } from '../context';
import { sameJson } from '../core/json-equal';
import type { KObject } from '../core/object';
import type { SharedInformers } from '../informers/shared-informers';
import { WorkQueue } from '../informers/workqueue';
import { NGINX_CONTROLLER } from '../network/ingress/gateway';

export const STATUS_SYNC_MS = 60_000;
const ADDRESS = { ingress: [{ hostname: 'localhost' }] };

type IngressObject = Ingress & KObject;

const isControllerPod = (p: KObject): boolean => p.metadata.labels?.['app.kubernetes.io/name'] === 'ingress-nginx' && p.metadata.labels?.['app.kubernetes.io/component'] === 'controller';
const isReady = (p: Pod & KObject): boolean => !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

export class IngressNginxStatus {
  readonly queue: WorkQueue;
  private readonly record: ReturnType<SimContext['events']['for']>;
  private leading = false;
  /** The controller pods that are Ready (keys): kept from pod events, never by listing every pod. */
  private readonly readyPods = new Set<string>();

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, () => this.sync(), 'ingress-nginx');
    this.record = ctx.events.for({ component: 'nginx-ingress-controller' });
    informers.for('pods').onChange((pod, _old, type) => {
      if (!isControllerPod(pod)) return;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (type !== 'DELETED' && isReady(pod as Pod & KObject)) this.readyPods.add(key);
      else this.readyPods.delete(key);
      this.queue.add('status');
    });
    informers.for('ingresses').onChange((obj, _old, type) => {
      if (!this.leading || type === 'DELETED' || !this.serves(obj as IngressObject)) return;
      this.record(obj, 'Normal', 'Sync', 'Scheduled for sync');
    });
  }

  /** The controller's class filter. */
  serves(ing: IngressObject): boolean {
    const name = ing.spec?.ingressClassName;
    if (!name) return true;
    const cls = this.informers.for('ingressclasses').get(undefined, name) as (IngressClass & KObject) | undefined;
    return cls?.spec?.controller === NGINX_CONTROLLER;
  }

  sync(): number | void {
    const running = this.readyPods.size > 0;
    const started = running && !this.leading;
    this.leading = running;
    const ingresses = (this.informers.for('ingresses').list() as IngressObject[]).filter((i) => !i.metadata.deletionTimestamp && this.serves(i));
    if (started) for (const ing of ingresses) this.record(ing, 'Normal', 'Sync', 'Scheduled for sync');
    for (const ing of ingresses) {
      const current = ing.status?.loadBalancer ?? {};
      const wanted = running ? ADDRESS : sameJson(current, ADDRESS) ? {} : current;
      if (sameJson(current, wanted)) continue;
      try {
        this.ctx.api.updateStatus('ingresses', ing.metadata.namespace, { ...ing, status: { ...ing.status, loadBalancer: wanted } });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }
    return running ? STATUS_SYNC_MS : undefined;
  }
}

export function startIngressNginxStatus(ctx: SimContext, informers: SharedInformers): IngressNginxStatus {
  return new IngressNginxStatus(ctx, informers);
}
