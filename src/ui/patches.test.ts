import { describe, it, expect } from 'vitest';
import type { KObject } from '../sim/core/object';
import { applyDeltas, mirrorFromSnapshot, objectsOf } from './mirror';
import { mergePatches, patchInterval, splitPatch, type PatchMessage } from './patches';

const pod = (name: string, phase: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } });
const clock = (simTime: number) => ({ simTime, paused: false, speed: 1 as const });

describe('mergePatches', () => {
  it('has the same effect as applying the patches one by one', () => {
    const patches: PatchMessage[] = [
      { type: 'patch', events: [{ type: 'ADDED', resource: 'pods', object: pod('a', 'Pending') }], rv: 5, simTime: 1, clock: clock(1) },
      { type: 'patch', events: [{ type: 'MODIFIED', resource: 'pods', object: pod('a', 'Running') }, { type: 'ADDED', resource: 'pods', object: pod('b', 'Pending') }], rv: 9, simTime: 2, clock: clock(2), progress: null },
      { type: 'patch', events: [{ type: 'DELETED', resource: 'pods', object: pod('b', 'Pending') }], rv: 12, simTime: 3, clock: clock(3) },
    ];
    const merged = mergePatches(patches);
    const one = applyDeltas(mirrorFromSnapshot({}), merged.events);
    const many = patches.reduce((m, p) => applyDeltas(m, p.events), mirrorFromSnapshot({}));
    expect([...objectsOf(one, 'pods').entries()]).toEqual([...objectsOf(many, 'pods').entries()]);
    expect(merged).toMatchObject({ rv: 12, simTime: 3, clock: clock(3), progress: null });
  });

  it('leaves progress out when no patch carried it', () => {
    const merged = mergePatches([{ type: 'patch', events: [], rv: 1, simTime: 1, clock: clock(1) }]);
    expect('progress' in merged).toBe(false);
  });
});

describe('patchInterval', () => {
  it('renders small clusters every frame and big ones a few times a second', () => {
    expect(patchInterval(3)).toBe(0);
    expect(patchInterval(300)).toBeGreaterThan(0);
    expect(patchInterval(1000)).toBeGreaterThanOrEqual(patchInterval(300));
  });
});

describe('splitPatch', () => {
  it('caps the objects each part adds and keeps every event in order', () => {
    const events = [
      ...Array.from({ length: 5 }, (_, i) => ({ type: 'ADDED' as const, resource: 'pods', object: pod(`p${i}`, 'Pending') })),
      { type: 'MODIFIED' as const, resource: 'pods', object: pod('p0', 'Running') },
    ];
    const parts = splitPatch({ type: 'patch', events, rv: 7, simTime: 1, clock: clock(1) }, 2);
    expect(parts.map((p) => p.events.length)).toEqual([2, 2, 2]);
    expect(parts.flatMap((p) => p.events)).toEqual(events);
    expect(parts.every((p) => p.rv === 7)).toBe(true);
  });

  it('also caps the number of changes per part', () => {
    const events = Array.from({ length: 5 }, (_, i) => ({ type: 'MODIFIED' as const, resource: 'pods', object: pod(`p${i}`, 'Running') }));
    const parts = splitPatch({ type: 'patch', events, rv: 7, simTime: 1, clock: clock(1) }, 10, 2);
    expect(parts.map((p) => p.events.length)).toEqual([2, 2, 1]);
  });

  it('leaves a small patch whole', () => {
    const patch: PatchMessage = { type: 'patch', events: [{ type: 'ADDED', resource: 'pods', object: pod('a', 'Pending') }], rv: 1, simTime: 1, clock: clock(1) };
    expect(splitPatch(patch, 40)).toEqual([patch]);
  });
});
