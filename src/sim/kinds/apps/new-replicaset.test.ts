import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { equalIgnoreHash, findNewReplicaSet } from './new-replicaset';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

function rs(name: string, created: string, tpl: unknown): KObject {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default', creationTimestamp: created }, spec: { template: tpl } };
}

const deployment: KObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { template } };
const hashed = (h: string) => ({ ...template, metadata: { labels: { app: 'web', 'pod-template-hash': h } } });
const other = { ...template, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };

describe('findNewReplicaSet', () => {
  it('ignores the pod-template-hash label and picks the oldest match, ties by name', () => {
    const list = [rs('web-b', '2026-01-01T09:00:05Z', hashed('b')), rs('web-old', '2026-01-01T09:00:00Z', other), rs('web-a', '2026-01-01T09:00:05Z', hashed('a'))];
    expect(findNewReplicaSet(deployment, list)?.metadata.name).toBe('web-a');
    expect(findNewReplicaSet(deployment, [list[1]])).toBeUndefined();
  });

  it('treats nil and empty alike, as apimachinery semantic equality does', () => {
    const withEmpty = { ...template, spec: { containers: [{ name: 'web', image: 'nginx', resources: {}, env: [] }] } };
    expect(equalIgnoreHash(withEmpty, template)).toBe(true);
    expect(equalIgnoreHash(other, template)).toBe(false);
  });
});
