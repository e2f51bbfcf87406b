/**
 * The UI's normalized copy of the cluster: objects by resource, then by `namespace/name`.
 * Pure functions: a patch replaces only the maps of the resources it touches, so selectors
 * over untouched resources keep returning the identical map (and memoized views skip work).
 */
import type { KObject } from '../sim/core/object';
import type { DeltaEvent, Snapshot } from '../worker/protocol';

export type ObjectMap = ReadonlyMap<string, KObject>;
export type Mirror = Readonly<Record<string, ObjectMap>>;

export const EMPTY_OBJECTS: ObjectMap = new Map();

export function mirrorKey(obj: KObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

export function mirrorFromSnapshot(snapshot: Snapshot): Mirror {
  const mirror: Record<string, ObjectMap> = {};
  for (const [resource, objects] of Object.entries(snapshot)) {
    mirror[resource] = new Map(objects.map((o) => [mirrorKey(o), o]));
  }
  return mirror;
}

export function applyDeltas(mirror: Mirror, events: DeltaEvent[]): Mirror {
  if (events.length === 0) return mirror;
  const touched = new Map<string, Map<string, KObject>>();
  for (const e of events) {
    let map = touched.get(e.resource);
    if (!map) touched.set(e.resource, (map = new Map(mirror[e.resource] ?? EMPTY_OBJECTS)));
    if (e.type === 'DELETED') map.delete(mirrorKey(e.object));
    else map.set(mirrorKey(e.object), e.object);
  }
  return { ...mirror, ...Object.fromEntries(touched) };
}

export function objectsOf(mirror: Mirror, resource: string): ObjectMap {
  return mirror[resource] ?? EMPTY_OBJECTS;
}
