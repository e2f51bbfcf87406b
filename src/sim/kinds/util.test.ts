import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { child, obj, objects, setDefault, str } from './util';

// Strategies read typed fields, but values may be null, and writes without strict field
// validation may hold any shape: the helpers skip or replace what is not an object.
describe('field helpers', () => {
  it('objects keeps the object items of a list and nothing of a non-list', () => {
    const odd = [{ name: 'a' }, null, 'x', [1], { name: 'b' }] as unknown as Container[];
    expect(objects(odd).map((c) => c.name)).toEqual(['a', 'b']);
    expect(objects(null)).toEqual([]);
    expect(objects('nope' as unknown as Container[])).toEqual([]);
  });

  it('obj is undefined for null, lists and scalars', () => {
    expect(obj({ a: 1 })).toEqual({ a: 1 });
    for (const v of [null, undefined, [], 'x', 3]) expect(obj(v as object | undefined)).toBeUndefined();
  });

  it('child creates, or replaces a non-object, and returns the stored object', () => {
    const spec = { securityContext: 'x' } as unknown as PodSpec;
    const sc = child(spec, 'securityContext');
    expect(sc).toEqual({});
    expect(spec.securityContext).toBe(sc);
    const kept = { runAsUser: 1 };
    expect(child({ securityContext: kept } as PodSpec, 'securityContext')).toBe(kept);
  });

  it('setDefault fills missing and null fields only', () => {
    const spec = { containers: [], restartPolicy: null, priority: 0, hostNetwork: false } as unknown as PodSpec;
    setDefault(spec, 'restartPolicy', 'Always');
    setDefault(spec, 'dnsPolicy', 'ClusterFirst');
    setDefault(spec, 'priority', 7);
    setDefault(spec, 'hostNetwork', true);
    expect(spec).toEqual({ containers: [], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', priority: 0, hostNetwork: false });
  });

  it('str prints scalars as Go would read them and nothing for null', () => {
    expect([str('a'), str(3), str(true), str(null), str(undefined)]).toEqual(['a', '3', 'true', '', '']);
  });
});
