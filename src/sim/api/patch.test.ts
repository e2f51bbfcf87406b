import { describe, expect, it } from 'vitest';
import { StatusError } from './errors';
import { applyPatch, createTwoWayMergePatch, isEmptyPatch, threeWayMergePatch } from './patch';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

const podSpec = {
  spec: {
    containers: [
      { name: 'a', image: 'nginx:1', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'X', value: '1' }] },
      { name: 'b', image: 'busybox' },
    ],
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
};

describe('strategic merge patch', () => {
  it('merges keyed lists element by element and replaces atomic ones', () => {
    const out = applyPatch(podSpec, { spec: { containers: [{ name: 'a', image: 'nginx:2', env: [{ name: 'Y', value: '2' }] }], tolerations: [{ key: 'z', operator: 'Exists' }] } }, 'strategic', 'Pod') as J;
    expect(out.spec.containers.map((c: J) => [c.name, c.image])).toEqual([['a', 'nginx:2'], ['b', 'busybox']]);
    expect(out.spec.containers[0].env).toEqual([{ name: 'X', value: '1' }, { name: 'Y', value: '2' }]);
    expect(out.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(out.spec.tolerations).toEqual([{ key: 'z', operator: 'Exists' }]);
  });

  it('honours $patch delete/replace, $setElementOrder and null', () => {
    const del = applyPatch(podSpec, { spec: { containers: [{ name: 'b', $patch: 'delete' }], tolerations: null } }, 'strategic', 'Pod') as J;
    expect(del.spec.containers.map((c: J) => c.name)).toEqual(['a']);
    expect(del.spec.tolerations).toBeUndefined();
    const rep = applyPatch(podSpec, { spec: { containers: [{ name: 'c', image: 'x' }, { $patch: 'replace' }] } }, 'strategic', 'Pod') as J;
    expect(rep.spec.containers).toEqual([{ name: 'c', image: 'x' }]);
    const order = applyPatch(podSpec, { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: 'n' }] } }, 'strategic', 'Pod') as J;
    expect(order.spec.containers.map((c: J) => c.name)).toEqual(['b', 'a']);
    expect(order.spec['$setElementOrder/containers']).toBeUndefined();
  });

  it('merges Service ports by port and finalizers as a set', () => {
    const svc = { metadata: { finalizers: ['a'] }, spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } };
    const out = applyPatch(svc, { metadata: { finalizers: ['b', 'a'] }, spec: { ports: [{ port: 80, targetPort: 9090 }] } }, 'strategic', 'Service') as J;
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 9090 }, { port: 443 }]);
    expect(out.metadata.finalizers).toEqual(['a', 'b']);
  });
});

describe('JSON merge patch and JSON patch', () => {
  it('merge patch replaces lists', () => {
    const out = applyPatch(podSpec, { spec: { containers: [{ name: 'z' }] } }, 'merge', 'Pod') as J;
    expect(out.spec.containers).toEqual([{ name: 'z' }]);
  });

  it('applies RFC 6902 operations', () => {
    const doc = { spec: { replicas: 1, list: ['a', 'b'] }, metadata: { labels: { 'app/x': 'y' } } };
    const out = applyPatch(doc, [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/list/1', value: 'c' },
      { op: 'add', path: '/spec/list/-', value: 'd' },
      { op: 'remove', path: '/metadata/labels/app~1x' },
      { op: 'copy', from: '/spec/replicas', path: '/spec/copy' },
      { op: 'test', path: '/spec/copy', value: 3 },
    ], 'json', 'Deployment') as J;
    expect(out).toEqual({ spec: { replicas: 3, list: ['a', 'c', 'b', 'd'], copy: 3 }, metadata: { labels: {} } });
    expect(doc.spec.replicas).toBe(1);
  });

  it('reports a missing path as the api-server does', () => {
    try {
      applyPatch({ spec: {} }, [{ op: 'remove', path: '/spec/foo' }], 'json', 'Pod');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(StatusError);
      const s = (e as StatusError).status;
      expect(s.code).toBe(422);
      expect(s.details?.causes?.[0].message).toBe('remove operation does not apply: doc is missing path: "/spec/foo": missing value');
    }
  });
});

describe('apply patches', () => {
  const lastApplied = { metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } }, spec: { replicas: 2, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'side', image: 'busybox' }] } } } };
  const live = { metadata: { name: 'web', labels: { app: 'web', tier: 'fe' }, uid: 'u' }, spec: { replicas: 5, strategy: { type: 'RollingUpdate' }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent' }, { name: 'side', image: 'busybox' }] } } }, status: { replicas: 5 } };

  it('is empty when the config did not change, even if the server added fields', () => {
    expect(isEmptyPatch(threeWayMergePatch(lastApplied, lastApplied, { ...live, spec: { ...live.spec, replicas: 2 } }))).toBe(true);
  });

  it('resets fields changed on the server, deletes dropped fields, keeps server-owned ones', () => {
    const modified = { metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 2, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } };
    const patch = threeWayMergePatch(lastApplied, modified, live);
    expect(patch).toEqual({
      metadata: { labels: { tier: null } },
      spec: { replicas: 2, template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ name: 'side', $patch: 'delete' }, { name: 'nginx', image: 'nginx:1.26' }] } } },
    });
    const result = applyPatch(live, patch, 'strategic', 'Deployment') as J;
    expect(result.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.26', imagePullPolicy: 'IfNotPresent' }]);
    expect(result.spec.strategy).toEqual({ type: 'RollingUpdate' });
    expect(result.metadata.labels).toEqual({ app: 'web' });
  });

  it('two-way patch records changes and removals', () => {
    expect(createTwoWayMergePatch({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 4 }, e: 5 })).toEqual({ b: { d: null, c: 4 }, e: 5 });
  });
});

describe('$setElementOrder in the patches kubectl computes', () => {
  const c = (name: string, image = 'x') => ({ name, image });

  it('lists the new order with any change to a keyed list, changes first and deletions last', () => {
    const patch = createTwoWayMergePatch({ spec: { containers: [c('a'), c('b'), c('c')] } }, { spec: { containers: [c('c', 'y'), c('a')] } });
    expect(patch).toEqual({ spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }], containers: [{ name: 'c', image: 'y' }, { name: 'b', $patch: 'delete' }] } });
    const out = applyPatch({ spec: { containers: [c('a'), c('b'), c('c')] } }, patch, 'strategic', 'Pod') as J;
    expect(out.spec.containers.map((x: J) => x.name)).toEqual(['c', 'a']);
  });

  it('sends a reorder alone, and a list new to the live object whole', () => {
    expect(threeWayMergePatch(undefined, { spec: { containers: [c('b'), c('a')] } }, { spec: { containers: [c('a'), c('b')] } })).toEqual({
      spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] },
    });
    expect(threeWayMergePatch(undefined, { spec: { containers: [c('a')] } }, { spec: { containers: [] } })).toEqual({ spec: { containers: [c('a')] } });
  });

  it('merges a container touched by both the deletion and the change patch into one element', () => {
    const last = { spec: { containers: [{ name: 'a', image: 'x', env: [{ name: 'E', value: '1' }] }] } };
    const mod = { spec: { containers: [{ name: 'a', image: 'y' }] } };
    const patch = threeWayMergePatch(last, mod, last) as J;
    expect(patch.spec.containers).toEqual([{ name: 'a', env: null, image: 'y' }]);
    expect(patch.spec['$setElementOrder/containers']).toEqual([{ name: 'a' }]);
  });
});
