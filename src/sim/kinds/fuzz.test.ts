import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../core/object';
import { StatusError } from '../api/errors';
import { deployment, pod, testServer } from './test-server';

const RESOURCES: [string, string, string][] = [
  ['pods', 'v1', 'Pod'], ['deployments', 'apps/v1', 'Deployment'], ['replicasets', 'apps/v1', 'ReplicaSet'], ['services', 'v1', 'Service'],
  ['configmaps', 'v1', 'ConfigMap'], ['namespaces', 'v1', 'Namespace'], ['nodes', 'v1', 'Node'], ['resourcequotas', 'v1', 'ResourceQuota'], ['events', 'v1', 'Event'],
];

const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'name', 'spec', 'containers', 'ports', 'port', 'image', 'replicas', 'selector', 'matchLabels', 'labels', 'type', 'nodePort', 'data', 'clusterIP', 'targetPort'), fc.string({ maxLength: 6 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 70000 }), fc.double(), fc.string({ maxLength: 8 }), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).value;

/** Sets `value` at a random path inside `base` (with own properties, so `__proto__` stays data). */
function mutate(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const target = (typeof base === 'object' && base !== null ? { ...base } : {}) as Record<string, unknown>;
  Object.defineProperty(target, head, { value: mutate(Object.prototype.hasOwnProperty.call(target, head) ? target[head] : undefined, rest, value), enumerable: true, writable: true, configurable: true });
  return target;
}

function seedFor(kind: string, apiVersion: string): KObject {
  if (kind === 'Pod') return pod('p');
  if (kind === 'Deployment' || kind === 'ReplicaSet') return { ...deployment('d'), kind, apiVersion };
  if (kind === 'Service') return { apiVersion, kind, metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }], selector: { app: 'x' } } };
  return { apiVersion, kind, metadata: { name: 'x' } };
}

describe('api-server under random input', () => {
  it('create() throws nothing but StatusError for mutated manifests', () => {
    const api = testServer(7);
    fc.assert(
      fc.property(fc.constantFrom(...RESOURCES), fc.array(key, { minLength: 1, maxLength: 5 }), json, ([resource, apiVersion, kind], path, value) => {
        const body = mutate(seedFor(kind, apiVersion), path, value) as KObject;
        try {
          api.create(resource, 'default', body, { dryRun: true, fieldValidation: 'Strict' });
        } catch (e) {
          if (!(e instanceof StatusError)) throw e;
        }
      }),
      { numRuns: 1500, seed: 42 },
    );
  });

  it('keeps __proto__ and constructor keys as plain data', () => {
    const api = testServer();
    const labels = JSON.parse('{"__proto__": "x", "constructor": "y", "app": "z"}');
    const data = JSON.parse('{"__proto__": "x", "constructor": "y"}');
    const cm = api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data }) as KObject;
    expect(Object.keys(cm.data as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(cm.data)).toBe(Object.prototype);
    const p = pod('p');
    p.metadata.labels = labels;
    // `__proto__` is not a valid label key: rejected as data, not merged into the prototype.
    expect(() => api.create('pods', 'default', p, { fieldValidation: 'Strict' })).toThrow(StatusError);
    expect(({} as Record<string, unknown>).app).toBeUndefined();
    // A nested object under `__proto__` is a type error for data values, never a prototype write.
    expect(() => api.patch('configmaps', 'default', 'c', JSON.parse('{"data": {"__proto__": {"polluted": "1"}}}'), 'strategic', { fieldValidation: 'Strict' })).toThrow(StatusError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const patched = api.patch('configmaps', 'default', 'c', JSON.parse('{"data": {"__proto__": "z", "k": "v"}}'), 'strategic');
    expect(patched.data).toEqual(JSON.parse('{"__proto__": "z", "constructor": "y", "k": "v"}'));
    expect(Object.getPrototypeOf(patched.data)).toBe(Object.prototype);
  });
});
