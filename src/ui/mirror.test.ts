import { describe, it, expect } from 'vitest';
import type { KObject } from '../sim/core/object';
import { applyDeltas, mirrorFromSnapshot, objectsOf } from './mirror';

const pod = (name: string, phase = 'Pending'): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } });
const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' } };

describe('mirror', () => {
  it('indexes a snapshot by resource and namespace/name', () => {
    const m = mirrorFromSnapshot({ pods: [pod('a'), pod('b')], services: [svc] });
    expect([...objectsOf(m, 'pods').keys()]).toEqual(['default/a', 'default/b']);
    expect(objectsOf(m, 'deployments').size).toBe(0);
  });

  it('applies adds, updates and deletes, replacing only the touched resources', () => {
    const m = mirrorFromSnapshot({ pods: [pod('a'), pod('b')], services: [svc] });
    const next = applyDeltas(m, [
      { type: 'MODIFIED', resource: 'pods', object: pod('a', 'Running') },
      { type: 'DELETED', resource: 'pods', object: pod('b') },
      { type: 'ADDED', resource: 'pods', object: pod('c') },
    ]);
    expect([...objectsOf(next, 'pods').keys()]).toEqual(['default/a', 'default/c']);
    expect((objectsOf(next, 'pods').get('default/a')?.status as { phase: string }).phase).toBe('Running');
    expect(objectsOf(next, 'services')).toBe(objectsOf(m, 'services'));
    expect(objectsOf(m, 'pods').size).toBe(2);
  });

  it('returns the same mirror for an empty patch', () => {
    const m = mirrorFromSnapshot({ pods: [pod('a')] });
    expect(applyDeltas(m, [])).toBe(m);
  });
});
