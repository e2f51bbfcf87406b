import { describe, expect, it } from 'vitest';
import { goJsonCompact, lastAppliedValue, threeWayMerge } from './apply-merge';

describe('threeWayMerge', () => {
  it('keeps fields set by others, removes fields dropped from the config', () => {
    const current = { spec: { replicas: 5, paused: true, minReadySeconds: 3 } };
    const original = { spec: { replicas: 2, minReadySeconds: 3 } };
    const modified = { spec: { replicas: 2 } };
    expect(threeWayMerge(current, modified, original)).toEqual({ spec: { replicas: 2, paused: true } });
  });

  it('merges containers by name and container ports by containerPort', () => {
    const current = { containers: [{ name: 'a', image: 'nginx:1', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }] }, { name: 'injected', image: 'x' }] };
    const original = { containers: [{ name: 'a', image: 'nginx:1', ports: [{ containerPort: 80 }] }] };
    const modified = { containers: [{ name: 'a', image: 'nginx:2', ports: [{ containerPort: 80 }] }] };
    expect(threeWayMerge(current, modified, original)).toEqual({
      containers: [{ name: 'a', image: 'nginx:2', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }] }, { name: 'injected', image: 'x' }],
    });
  });

  it('drops list items removed from the config and replaces lists without merge keys', () => {
    const current = { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], args: ['x', 'y'] };
    const original = { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], args: ['x', 'y'] };
    const modified = { env: [{ name: 'A', value: '1' }], args: ['z'] };
    expect(threeWayMerge(current, modified, original)).toEqual({ env: [{ name: 'A', value: '1' }], args: ['z'] });
  });

  it('keeps __proto__ keys as plain data', () => {
    const merged = threeWayMerge({}, JSON.parse('{"__proto__": {"x": 1}}'), undefined) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['__proto__']);
  });
});

describe('last-applied annotation', () => {
  it('is sorted compact JSON with an empty annotations map and a newline', () => {
    expect(lastAppliedValue({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x', namespace: 'default' } })).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"x","namespace":"default"}}\n',
    );
  });
  it('escapes HTML characters like Go', () => {
    expect(goJsonCompact({ a: '<b>&' })).toBe('{"a":"\\u003cb\\u003e\\u0026"}');
  });
});
