import { describe, expect, it } from 'vitest';
import { jsonEqual, parsePath, PathSyntaxError, valueAt } from './paths';

describe('parsePath', () => {
  it('reads dotted names, indexes and quoted keys', () => {
    expect(parsePath('spec.replicas')).toEqual(['spec', 'replicas']);
    expect(parsePath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(parsePath('metadata.labels["app.kubernetes.io/name"]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
    expect(parsePath("metadata.annotations['a.b']")).toEqual(['metadata', 'annotations', 'a.b']);
  });

  it('rejects malformed paths', () => {
    expect(() => parsePath('')).toThrow(PathSyntaxError);
    expect(() => parsePath('.spec')).toThrow(PathSyntaxError);
    expect(() => parsePath('spec.containers[x]')).toThrow(/character/);
    expect(() => parsePath('spec[')).toThrow(PathSyntaxError);
  });
});

describe('valueAt', () => {
  const obj = { spec: { containers: [{ name: 'nginx' }] }, metadata: { labels: { 'a.b': 'c' } } };
  it('follows the path', () => {
    expect(valueAt(obj, parsePath('spec.containers[0].name'))).toBe('nginx');
    expect(valueAt(obj, parsePath('metadata.labels["a.b"]'))).toBe('c');
  });
  it('is undefined off the object, including inherited properties', () => {
    expect(valueAt(obj, parsePath('spec.containers[3].name'))).toBeUndefined();
    expect(valueAt(obj, parsePath('spec.containers.name'))).toBeUndefined();
    expect(valueAt(obj, parsePath('spec.toString'))).toBeUndefined();
  });
});

describe('jsonEqual', () => {
  it('compares deeply, ignoring key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(3, '3')).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });
});
