/**
 * Coalesces store watch events into one delta per object between two flushes, so that a burst
 * (a 300-pod rollout writes each pod many times) crosses the worker boundary as one small batch.
 */
import type { KObject } from '../sim/core/object';
import type { WatchEvent } from '../sim/core/store';
import type { DeltaEvent } from './protocol';

/** Resources the UI never mirrors: Events churn a lot and only the inspector reads them. */
export const UNMIRRORED = new Set(['events']);

interface Pending {
  /** Whether the UI knew the object before this batch (decides ADDED vs MODIFIED, and drops). */
  existedBefore: boolean;
  event: WatchEvent;
}

export class DeltaBatcher {
  private pending = new Map<string, Pending>();

  /** Records one store event; returns true when it is the first of a new batch. */
  add(event: WatchEvent): boolean {
    if (UNMIRRORED.has(event.resource)) return false;
    const wasEmpty = this.pending.size === 0;
    const key = objectKey(event.resource, event.object.metadata.namespace, event.object.metadata.name ?? '');
    const prior = this.pending.get(key);
    const existedBefore = prior ? prior.existedBefore : event.type !== 'ADDED';
    this.pending.set(key, { existedBefore, event });
    return wasEmpty;
  }

  get size(): number {
    return this.pending.size;
  }

  /** The coalesced deltas, in the order their objects first changed; empties the batch. */
  flush(): DeltaEvent[] {
    const out: DeltaEvent[] = [];
    for (const { existedBefore, event } of this.pending.values()) {
      if (event.type === 'DELETED') {
        // Born and gone within one frame: the UI never needs to hear of it.
        if (existedBefore) out.push({ type: 'DELETED', resource: event.resource, object: deletedStub(event.object) });
      } else {
        out.push({ type: existedBefore ? 'MODIFIED' : 'ADDED', resource: event.resource, object: event.object });
      }
    }
    this.pending.clear();
    return out;
  }

  clear(): void {
    this.pending.clear();
  }
}

/**
 * What the UI needs of a deleted object: which one it was. Sending the whole object again costs
 * structured-clone time on the main thread (a scale-down of hundreds of pods is one batch).
 */
function deletedStub(object: KObject): KObject {
  const { name, namespace, uid } = object.metadata;
  return { apiVersion: object.apiVersion, kind: object.kind, metadata: { name, ...(namespace !== undefined ? { namespace } : {}), ...(uid !== undefined ? { uid } : {}) } };
}

export function objectKey(resource: string, namespace: string | undefined, name: string): string {
  return `${resource}/${namespace ?? ''}/${name}`;
}
