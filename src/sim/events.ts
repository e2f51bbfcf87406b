/**
 * Records core/v1 Events the way client-go's recorder does: a repeat of the same
 * (object, type, reason, message, source) bumps `count` and `lastTimestamp` instead of
 * creating a new Event. Events expire after an hour (the api-server's event TTL).
 */
import type { ApiServer } from './api/apiserver';
import type { Clock } from './core/clock';
import type { KObject } from './core/object';

export const EVENT_TTL_MS = 60 * 60 * 1000;

export interface EventSource {
  component: string;
  host?: string;
}

export interface CoreEvent extends KObject {
  involvedObject: { kind: string; namespace?: string; name: string; uid: string; apiVersion: string; resourceVersion?: string; fieldPath?: string };
  reason: string;
  message: string;
  source: EventSource;
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: 'Normal' | 'Warning';
  eventTime: null;
  reportingComponent: string;
  reportingInstance: string;
}

/** One (object, type, reason, message, source) an Event was recorded for, and that Event's name. */
interface SeenEvent {
  uid: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
  component: string;
  host: string;
  name: string;
  /** The next entry whose fields hash alike. */
  next?: SeenEvent;
}

export class EventRecorder {
  // Keyed by a hash of the fields, each entry checked field by field: building (and keeping) a
  // long joined key string per event cost more than the rest of recording it.
  private seen = new Map<number, SeenEvent>();
  private seq = 0;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: Clock,
  ) {}

  /** A recorder bound to one component (`kubelet` on a host, `replicaset-controller`, …). */
  for(source: EventSource): (obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string) => void {
    return (obj, type, reason, message, fieldPath) => this.record(source, obj, type, reason, message, fieldPath);
  }

  /** A component restarted (a kubelet whose node came back): its new recorder correlates nothing yet. */
  forgetSource(source: EventSource): void {
    const host = source.host ?? '';
    for (const [hash, first] of [...this.seen]) {
      let head: SeenEvent | undefined;
      let tail: SeenEvent | undefined;
      for (let e: SeenEvent | undefined = first; e; e = e.next) {
        if (e.component === source.component && e.host === host) continue;
        const copy = { ...e, next: undefined };
        if (tail) tail.next = copy;
        else head = copy;
        tail = copy;
      }
      if (head) this.seen.set(hash, head);
      else this.seen.delete(hash);
    }
  }

  record(source: EventSource, obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const ns = obj.metadata.namespace ?? 'default';
    const uid = obj.metadata.uid ?? '';
    const host = source.host ?? '';
    const path = fieldPath ?? '';
    const now = this.clock.timestamp();
    const hash = fieldsHash(uid, path, type, reason, message, source.component, host);
    let entry = this.seen.get(hash);
    while (entry && !(entry.uid === uid && entry.message === message && entry.reason === reason && entry.type === type && entry.fieldPath === path && entry.component === source.component && entry.host === host)) {
      entry = entry.next;
    }
    if (entry) {
      const existing = entry.name;
      const ev = this.api.tryGet('events', ns, existing) as CoreEvent | undefined;
      if (ev) {
        this.api.update('events', ns, { ...ev, count: ev.count + 1, lastTimestamp: now } as KObject);
        this.expireLater(ns, existing);
        return;
      }
    }
    // client-go names events `<object>.<unix nanos in hex>`.
    const name = `${obj.metadata.name}.${nanosHex(this.clock.now(), this.seq++)}`;
    const event: CoreEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name!,
        uid: obj.metadata.uid!,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    if (!obj.metadata.namespace) delete event.involvedObject.namespace;
    try {
      this.api.create('events', ns, event, { bodyOwned: true });
    } catch {
      return; // e.g. the namespace is being deleted: events are best effort, as in client-go.
    }
    if (entry) entry.name = name;
    else this.seen.set(hash, { uid, fieldPath: path, type, reason, message, component: source.component, host, name, next: this.seen.get(hash) });
    this.expireLater(ns, name);
  }

  private expireLater(ns: string, name: string): void {
    this.clock.after(EVENT_TTL_MS, () => {
      const ev = this.api.tryGet('events', ns, name) as CoreEvent | undefined;
      if (!ev) return;
      if (this.clock.now() - Date.parse(ev.lastTimestamp) >= EVENT_TTL_MS - 1000) {
        this.api.delete('events', ns, name);
        this.forget(ev);
      }
    }, 'kube-apiserver');
  }

  /** How many events the recorder remembers for counting repeats (they leave with their event). */
  remembered(): number {
    let n = 0;
    for (const first of this.seen.values()) for (let e: SeenEvent | undefined = first; e; e = e.next) n++;
    return n;
  }

  /** Drops the expired event's entry, so the table holds live events only, not every event ever. */
  private forget(ev: CoreEvent): void {
    const uid = ev.involvedObject.uid ?? '';
    const path = ev.involvedObject.fieldPath ?? '';
    const hash = fieldsHash(uid, path, ev.type, ev.reason, ev.message, ev.source.component, ev.source.host ?? '');
    let prev: SeenEvent | undefined;
    for (let e = this.seen.get(hash); e; prev = e, e = e.next) {
      if (e.name !== ev.metadata.name) continue;
      if (prev) prev.next = e.next;
      else if (e.next) this.seen.set(hash, e.next);
      else this.seen.delete(hash);
      return;
    }
  }
}

/**
 * `(ms * 1e6 + seq).toString(16)` exactly, without BigInt (the product passes 2^53): the value
 * is split at bit 24 so that each half stays an exact double.
 */
export function nanosHex(ms: number, seq: number): string {
  const msHigh = Math.floor(ms / 0x1000000);
  const low = (ms % 0x1000000) * 1_000_000 + seq;
  const high = msHigh * 1_000_000 + Math.floor(low / 0x1000000);
  const lowHex = (low % 0x1000000).toString(16);
  return high > 0 ? high.toString(16) + lowHex.padStart(6, '0') : lowHex;
}

/** FNV-1a of one field and a separator, continuing from `h`: the fields are never concatenated. */
function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0xff, 0x01000193);
}

function fieldsHash(uid: string, path: string, type: string, reason: string, message: string, component: string, host: string): number {
  return mix(mix(mix(mix(mix(mix(mix(0x811c9dc5, uid), path), type), reason), message), component), host) >>> 0;
}
