/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a
 * selector, the slices (`<svc>-<5 chars>`, ≤100 endpoints, owned by the Service, labelled
 * `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by`) holding its pods
 * with their ready/serving/terminating conditions. Selector-less and ExternalName Services get
 * none from it (the mirroring controller serves the former); slices of a deleted Service go
 * with the garbage collector.
 */
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { keyOf } from '../../core/keys';
import type { KObject } from '../../core/object';
import { Backoff } from '../../informers/backoff';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import { CONTROLLER_NAME, MANAGED_BY_LABEL, reconcileSlices, SERVICE_NAME_LABEL, type SliceObject } from './reconciler';
import { selectorOf, ServiceSelection } from './service-selection';
import { SyncPacer } from './sync-pacer';
import { TRIGGER_TIME_ANNOTATION, TriggerTimeTracker } from './trigger-time';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

export class EndpointSliceController {
  readonly queue: WorkQueue;
  private readonly selection: ServiceSelection;
  private readonly pacer: SyncPacer;
  private readonly triggers = new TriggerTimeTracker();
  private readonly backoff = new Backoff();
  /** Our slices by Service key, then name. */
  private readonly slices = new Map<string, Map<string, SliceObject>>();
  /** Set while this controller writes: its own slice events need no resync. */
  private writing = false;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 'endpointslice-controller');
    this.pacer = new SyncPacer(ctx.clock, this.queue);
    this.selection = ServiceSelection.of(informers, (key) => this.pacer.enqueue(key));
    const sliceInformer = informers.for('endpointslices');
    for (const s of sliceInformer.list()) this.sliceChanged(s as SliceObject, 'ADDED');
    sliceInformer.onChange((obj, _old, type) => this.sliceChanged(obj as SliceObject, type));
    informers.for('nodes');
    for (const svc of informers.for('services').list()) this.queue.add(keyOf(svc));
  }

  private sliceChanged(slice: SliceObject, type: string): void {
    const labels = slice.metadata.labels ?? {};
    if (labels[MANAGED_BY_LABEL] !== CONTROLLER_NAME || !labels[SERVICE_NAME_LABEL]) return;
    const key = `${slice.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}`;
    let byName = this.slices.get(key);
    if (!byName) this.slices.set(key, (byName = new Map()));
    if (type === 'DELETED') byName.delete(slice.metadata.name!);
    else byName.set(slice.metadata.name!, slice);
    if (!this.writing) this.pacer.enqueue(key);
  }

  sync(key: string): number | void {
    const svc = this.selection.service(key);
    if (!svc) {
      const slash = key.indexOf('/');
      this.triggers.forget({ namespace: key.slice(0, slash), name: key.slice(slash + 1) });
      this.backoff.forget(key);
      return;
    }
    if (svc.spec?.type === 'ExternalName' || !selectorOf(svc)) return;
    const pods = this.selection.podsOf(svc);
    this.pacer.synced(key, pods.length);
    const trigger = this.triggers.compute(svc, pods);
    const existing = [...(this.slices.get(key)?.values() ?? [])];
    const nodes = this.informers.for('nodes');
    const plan = reconcileSlices({
      service: svc,
      pods,
      existing,
      zoneOf: (name) => {
        const node = nodes.get(undefined, name);
        return node ? (node.metadata.labels?.[ZONE_LABEL] ?? undefined) : null;
      },
    });
    const api = this.ctx.api;
    this.writing = true;
    try {
      // No new slices for a Service on its way out (the garbage collector is removing them).
      if (!svc.metadata.deletionTimestamp) for (const s of plan.create) api.create('endpointslices', s.metadata.namespace, withTrigger(s, trigger));
      for (const s of plan.update) api.update('endpointslices', s.metadata.namespace, withTrigger(s, trigger));
      for (const s of plan.delete) api.delete('endpointslices', s.metadata.namespace, s.metadata.name!);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return this.backoff.next(key);
    } finally {
      this.writing = false;
    }
    this.backoff.forget(key);
  }
}

/** `addTriggerTimeAnnotation`: set it, or drop it when there is no new trigger. */
function withTrigger(slice: SliceObject, trigger: string | undefined): KObject {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger;
  else delete annotations[TRIGGER_TIME_ANNOTATION];
  const metadata: KObject['metadata'] = { ...slice.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  return { ...slice, metadata };
}

export function startEndpointSliceController(ctx: SimContext, informers: SharedInformers): EndpointSliceController {
  return new EndpointSliceController(ctx, informers);
}
