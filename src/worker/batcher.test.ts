import { describe, it, expect } from 'vitest';
import type { KObject } from '../sim/core/object';
import type { WatchEvent } from '../sim/core/store';
import { DeltaBatcher } from './batcher';

function pod(name: string, phase: string): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } };
}

function ev(type: WatchEvent['type'], object: KObject, resource = 'pods'): WatchEvent {
  return { type, resource, object, rv: 0 };
}

describe('DeltaBatcher', () => {
  it('keeps only the latest state of an object changed several times', () => {
    const b = new DeltaBatcher();
    expect(b.add(ev('MODIFIED', pod('a', 'Pending')))).toBe(true);
    expect(b.add(ev('MODIFIED', pod('a', 'Running')))).toBe(false);
    const out = b.flush();
    expect(out).toHaveLength(1);
    expect(out[0].type).toBe('MODIFIED');
    expect((out[0].object.status as { phase: string }).phase).toBe('Running');
    expect(b.size).toBe(0);
  });

  it('reports an object created and then updated in one batch as ADDED', () => {
    const b = new DeltaBatcher();
    b.add(ev('ADDED', pod('a', 'Pending')));
    b.add(ev('MODIFIED', pod('a', 'Running')));
    expect(b.flush().map((d) => d.type)).toEqual(['ADDED']);
  });

  it('drops an object created and deleted within one batch', () => {
    const b = new DeltaBatcher();
    b.add(ev('ADDED', pod('a', 'Pending')));
    b.add(ev('DELETED', pod('a', 'Pending')));
    b.add(ev('ADDED', pod('b', 'Pending')));
    expect(b.flush().map((d) => d.object.metadata.name)).toEqual(['b']);
  });

  it('reports a known object deleted and re-created under the same name as MODIFIED', () => {
    const b = new DeltaBatcher();
    b.add(ev('DELETED', pod('a', 'Running')));
    b.add(ev('ADDED', pod('a', 'Pending')));
    expect(b.flush().map((d) => d.type)).toEqual(['MODIFIED']);
  });

  it('keeps objects of different resources apart and ignores Events', () => {
    const b = new DeltaBatcher();
    b.add(ev('ADDED', { apiVersion: 'v1', kind: 'Event', metadata: { name: 'a.1', namespace: 'default' } }, 'events'));
    b.add(ev('ADDED', pod('a', 'Pending')));
    b.add(ev('ADDED', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'a', namespace: 'default' } }, 'replicasets'));
    expect(b.flush().map((d) => d.resource)).toEqual(['pods', 'replicasets']);
  });

  it('sends a deleted object as just its identity', () => {
    const b = new DeltaBatcher();
    const gone: KObject = { ...pod('a', 'Running'), metadata: { name: 'a', namespace: 'default', uid: 'u1', labels: { app: 'x' } }, spec: { nodeName: 'n' } };
    b.add(ev('DELETED', gone));
    expect(b.flush()).toEqual([{ type: 'DELETED', resource: 'pods', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'default', uid: 'u1' } } }]);
  });
});
