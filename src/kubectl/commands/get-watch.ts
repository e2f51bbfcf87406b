/**
 * `kubectl get -w`: print the list, then one row per watch event on the same resource type,
 * until Ctrl+C (or `--request-timeout`, when the server closes the watch and kubectl exits 0).
 * As in kubectl's `watch()`: only one resource type, the header printed once, and each event's
 * row flushed alone through a tab writer that remembers column widths.
 */
import { fromLabelSelector, matchSelector, parseSelector } from '../../sim/labels';
import { matchFields, parseFieldSelector } from '../../sim/api/fields';
import type { ResourceType } from '../../sim/api/registry';
import type { KObject } from '../../sim/object';
import type { WatchEvent } from '../../sim/store';
import { printObjects, type TableOptions } from '../printers';
import { tableLines } from '../printers/table';
import { RememberingTabwriter } from '../printers/tabwriter';
import type { CommandContext, KubectlProgram } from '../types';

export interface WatchRequest {
  type: ResourceType;
  /** Undefined for all namespaces or a cluster-scoped type. */
  namespace?: string;
  /** Set when a single object was named. */
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
  initial: KObject[];
  output: string;
  table: Omit<TableOptions, 'now'>;
  watchOnly: boolean;
  /** `--request-timeout` in ms; 0 = wait until interrupted. */
  timeoutMs: number;
}

export function* watchObjects(ctx: CommandContext, req: WatchRequest): KubectlProgram {
  const labels = req.labelSelector ? parseSelector(req.labelSelector) : fromLabelSelector({});
  const fields = req.fieldSelector ? parseFieldSelector(req.fieldSelector) : [];
  const matches = (o: KObject) =>
    (req.namespace === undefined || o.metadata.namespace === req.namespace) &&
    (req.name === undefined || o.metadata.name === req.name) &&
    matchSelector(labels, o.metadata.labels ?? {}) &&
    matchFields(fields, o);

  const print = printerFor(ctx, req);
  if (!req.watchOnly && req.initial.length) ctx.io.out(print(req.initial));

  const pending: KObject[] = [];
  const unsubscribe = ctx.cluster.store.subscribe((e: WatchEvent) => {
    if (e.resource === req.type.plural && matches(e.object)) pending.push(e.object);
  });
  const deadline = req.timeoutMs > 0 ? ctx.cluster.clock.now() + req.timeoutMs : Infinity;
  try {
    for (;;) {
      const remaining = deadline - ctx.cluster.clock.now();
      if (remaining <= 0) return 0;
      const held: boolean = yield { until: () => pending.length > 0, timeoutMs: remaining };
      if (pending.length) ctx.io.out(print(pending.splice(0)));
      if (!held && ctx.cluster.clock.now() >= deadline) return 0;
    }
  } finally {
    unsubscribe();
  }
}

/** Rows through one remembering tab writer; other formats object by object. */
function printerFor(ctx: CommandContext, req: WatchRequest): (objects: KObject[]) => string {
  if (req.output === '' || req.output === 'wide') {
    const writer = new RememberingTabwriter();
    let headerDone = false;
    return (objects) => {
      const group = { resource: req.type.plural, kindPrefix: '', namespaced: req.type.namespaced, objects };
      const lines = tableLines(group, { ...req.table, now: ctx.cluster.clock.now(), noHeaders: req.table.noHeaders || headerDone });
      headerDone = true;
      return writer.flush(lines);
    };
  }
  let printed = 0;
  return (objects) =>
    objects
      .map((o) => {
        // One printer for the whole watch: custom-columns' header only once, YAML documents separated.
        const first = printed++ === 0;
        const text = printObjects([o], req.output, { now: ctx.cluster.clock.now(), singleItem: true, noHeaders: !first });
        return req.output === 'yaml' && !first ? `---\n${text}` : text;
      })
      .join('');
}
