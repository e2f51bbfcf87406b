/**
 * `kubectl get -w`: print the list, then one row per watch event on the same resource type,
 * until Ctrl+C (or `--request-timeout`, when the server closes the watch and kubectl exits 0).
 * As in kubectl's `watch()`: only one resource type, the header printed once, and each event's
 * row flushed alone through a tab writer that remembers column widths.
 */
import type { ResourceType } from '../../sim/api/registry';
import type { KObject } from '../../sim/core/object';
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
  const pending: KObject[] = [];
  // A named object is watched as kubectl does: a field selector on its name.
  const fieldSelector = [req.fieldSelector, req.name !== undefined && `metadata.name=${req.name}`].filter(Boolean).join(',') || undefined;
  const unsubscribe = ctx.client.watch(req.type.plural, { namespace: req.namespace, labelSelector: req.labelSelector, fieldSelector }, (e) => pending.push(e.object));
  const deadline = req.timeoutMs > 0 ? ctx.client.now() + req.timeoutMs : Infinity;
  try {
    const print = printerFor(ctx, req);
    if (!req.watchOnly && req.initial.length) ctx.io.out(print(req.initial));
    for (;;) {
      const remaining = deadline - ctx.client.now();
      if (remaining <= 0) return 0;
      const held: boolean = yield { until: () => pending.length > 0, timeoutMs: remaining };
      if (pending.length) ctx.io.out(print(pending.splice(0)));
      if (!held && ctx.client.now() >= deadline) return 0;
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
      const lines = tableLines(group, { ...req.table, now: ctx.client.now(), noHeaders: req.table.noHeaders || headerDone });
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
        const text = printObjects([o], req.output, { now: ctx.client.now(), singleItem: true, noHeaders: !first });
        return req.output === 'yaml' && !first ? `---\n${text}` : text;
      })
      .join('');
}
