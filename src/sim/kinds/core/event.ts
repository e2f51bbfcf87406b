/** core/v1 Event: the involved object must live in the event's namespace. */
import { goQuote } from '../../core/gostr';
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import type { Event } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { age } from '../printing/age';

export const eventStrategy: KindStrategy<Event & KObject> = {
  validate(o) {
    const errors: FieldError[] = [];
    const ns = o.involvedObject?.namespace ?? '';
    if (ns && ns !== o.metadata.namespace) {
      errors.push({ type: 'Invalid value', field: 'involvedObject.namespace', value: goQuote(ns), detail: 'does not match event.namespace' });
    }
    return errors;
  },
};

export const eventKind = defineKind<Event>({
  group: '', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true, verbs: ALL_VERBS,
  strategy: eventStrategy,
  printer: {
    columns: [
      { name: 'Last Seen' }, { name: 'Type' }, { name: 'Reason' }, { name: 'Object' }, { name: 'Subobject', priority: 1 }, { name: 'Source', priority: 1 },
      { name: 'Message' }, { name: 'First Seen', priority: 1 }, { name: 'Count', priority: 1 }, { name: 'Name', priority: 1, format: 'name' },
    ],
    cells(e, { now }) {
      const first = e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now);
      let last = e.lastTimestamp ? age(e.lastTimestamp, now) : first;
      let count: number | undefined = e.count ?? 0;
      if (e.series) {
        last = age(e.series.lastObservedTime, now);
        count = e.series.count;
      } else if (count === 0) {
        count = 1;
      }
      const io = e.involvedObject ?? {};
      const kind = String(io.kind ?? '').toLowerCase();
      const target = io.name ? `${kind}/${io.name}` : kind;
      const message = String(e.message ?? '').trim();
      return [last, e.type ?? '', e.reason ?? '', target, io.fieldPath ?? '', eventSource(e), message, first, String(count), e.metadata.name!];
    },
  },
  graph: { draw: 'none' },
});

/** `kubelet, kind-worker`: the SOURCE column and describe's `From`. */
function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}
