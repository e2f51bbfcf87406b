import { describe, expect, it } from 'vitest';
import type { KObject } from '../core/object';
import { statusOf, testServer } from '../kinds/test-server';

function server() {
  return { api: testServer(1, ['default', 'other']) };
}

const cm = (name: string, extra: Partial<KObject> = {}): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, ...extra });

describe('ApiServer', () => {
  it('creates with server-set metadata and reads back', () => {
    const { api } = server();
    const created = api.create('configmaps', 'default', cm('a', { data: { k: 'v' } }));
    expect(created.metadata).toMatchObject({ name: 'a', namespace: 'default', creationTimestamp: '1970-01-01T00:00:00Z' });
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.get('configmaps', 'default', 'a')).toBe(created);
  });

  it('returns NotFound and AlreadyExists with the real messages', () => {
    const { api } = server();
    expect(statusOf(() => api.get('configmaps', 'default', 'x')).status).toMatchObject({ reason: 'NotFound', code: 404, message: 'configmaps "x" not found' });
    api.create('configmaps', 'default', cm('a'));
    expect(statusOf(() => api.create('configmaps', 'default', cm('a'))).message).toBe('configmaps "a" already exists');
  });

  it('rejects a create in a missing or terminating namespace', () => {
    const { api } = server();
    expect(statusOf(() => api.create('configmaps', 'nope', cm('a'))).message).toBe('namespaces "nope" not found');
    api.delete('namespaces', undefined, 'other');
    expect(api.get('namespaces', undefined, 'other').status).toMatchObject({ phase: 'Terminating' });
    expect(statusOf(() => api.create('configmaps', 'other', cm('a'))).message).toBe(
      'configmaps "a" is forbidden: unable to create new content in namespace other because it is being terminated',
    );
  });

  it('enforces optimistic concurrency on update', () => {
    const { api } = server();
    const a = api.create('configmaps', 'default', cm('a'));
    api.update('configmaps', 'default', { ...a, data: { k: '1' } });
    const err = statusOf(() => api.update('configmaps', 'default', { ...a, data: { k: '2' } }));
    expect(err.status.reason).toBe('Conflict');
    expect(err.message).toContain('the object has been modified; please apply your changes to the latest version and try again');
  });

  it('generates names from generateName with the safe alphabet', () => {
    const { api } = server();
    const a = api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-' } });
    expect(a.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('keeps a deleted object with finalizers until the last one is removed', () => {
    const { api } = server();
    api.create('configmaps', 'default', cm('a', { metadata: { name: 'a', finalizers: ['example.com/hold'] } }));
    const deleting = api.delete('configmaps', 'default', 'a');
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    const again = api.get('configmaps', 'default', 'a');
    api.update('configmaps', 'default', { ...again, metadata: { ...again.metadata, finalizers: [] } });
    expect(api.tryGet('configmaps', 'default', 'a')).toBeUndefined();
  });

  it('rejects request bodies over 3 MiB', () => {
    const { api } = server();
    const big = cm('big', { data: { blob: 'x'.repeat(3 * 1024 * 1024 + 1) } });
    expect(statusOf(() => api.create('configmaps', 'default', big, { fieldValidation: 'Strict' })).status).toMatchObject({
      reason: 'RequestEntityTooLarge',
      code: 413,
      message: 'Request entity too large: limit is 3145728',
    });
  });

  it('enforces the pods quota on the fully formed pod', () => {
    const { api } = server();
    api.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'pod-quota' }, spec: { hard: { pods: '1' } } });
    const pod = (meta: KObject['metadata']): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    api.create('pods', 'default', pod({ name: 'one' }));
    const err = statusOf(() => api.create('pods', 'default', pod({ generateName: 'web-abc-' })));
    expect(err.status.reason).toBe('Forbidden');
    expect(err.message).toMatch(/^pods "web-abc-[a-z0-9]{5}" is forbidden: exceeded quota: pod-quota, requested: pods=1, used: pods=1, limited: pods=1$/);
  });

  it('keeps `__proto__` keys as plain data', () => {
    const { api } = server();
    const data = JSON.parse('{"__proto__": "x", "ok": "y"}');
    const a = api.create('configmaps', 'default', cm('a', { data }));
    expect(Object.keys(a.data as object)).toEqual(['__proto__', 'ok']);
    expect(Object.getPrototypeOf(a.data)).toBe(Object.prototype);
  });
});
