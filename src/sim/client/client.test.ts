import { describe, expect, it } from 'vitest';
import { tryGet, type WatchEvent } from '../../kubectl/client';
import { StatusError } from '../api/errors';
import { createCluster } from '../cluster';
import { readLogs } from '../kubelet/logs';
import type { KObject } from '../core/object';
import { createClient } from '.';

const pod = (name: string, labels: Record<string, string> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

const deploymentManifest = (name: string, replicas: number): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof StatusError ? `${e.status.reason}: ${e.status.message}` : String(e);
  }
  return undefined;
}

describe('the simulated cluster serving the client', () => {
  it('answers a write once the cluster has reacted in the same instant, unless held', () => {
    const cluster = createCluster({ seed: 1 });
    const client = createClient(cluster);
    client.create('deployments', 'default', deploymentManifest('web', 2));
    expect(client.list('replicasets', 'default')).toHaveLength(1);
    cluster.hold(true);
    client.create('deployments', 'default', deploymentManifest('api', 2));
    expect(client.list('replicasets', 'default')).toHaveLength(1);
  });

  it('serves the time ages are measured at: the virtual clock', () => {
    const cluster = createCluster({ seed: 1 });
    const client = createClient(cluster);
    const before = client.now();
    cluster.advance(5_000);
    expect(client.now()).toBe(before + 5_000);
  });

  it('throws the api Status errors, and tryGet tells a missing object from an unknown resource', () => {
    const client = createClient(createCluster({ seed: 1 }));
    expect(reasonOf(() => client.get('pods', 'default', 'nope'))).toBe('NotFound: pods "nope" not found');
    expect(tryGet(client, 'pods', 'default', 'nope')).toBeUndefined();
    expect(reasonOf(() => tryGet(client, 'widgets', 'default', 'x'))).toBe('NotFound: the server could not find the requested resource');
    client.create('pods', 'default', pod('a'));
    expect(reasonOf(() => client.create('pods', 'default', pod('a')))).toBe('AlreadyExists: pods "a" already exists');
  });

  it('watches one resource, filtered by namespace, labels and fields, until stopped', () => {
    const cluster = createCluster({ seed: 1 });
    cluster.hold(true);
    const client = createClient(cluster);
    client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const seen: string[] = [];
    const note = (e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.namespace}/${e.object.metadata.name}`);
    const stop = client.watch('pods', { namespace: 'default', labelSelector: 'app=web', fieldSelector: 'metadata.name!=skip' }, note);
    client.create('pods', 'default', pod('a', { app: 'web' }));
    client.create('pods', 'default', pod('b', { app: 'db' }));
    client.create('pods', 'other', pod('c', { app: 'web' }));
    client.create('pods', 'default', pod('skip', { app: 'web' }));
    client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { app: 'web' } } });
    client.delete('pods', 'default', 'a');
    stop();
    client.create('pods', 'default', pod('d', { app: 'web' }));
    expect(seen).toEqual(['ADDED default/a', 'DELETED default/a']);
    expect(reasonOf(() => client.watch('widgets', {}, note))).toBe('NotFound: the server could not find the requested resource');
  });

  it('serves the scale subresource of Deployments and ReplicaSets', () => {
    const client = createClient(createCluster({ seed: 1 }));
    client.create('deployments', 'default', deploymentManifest('web', 2));
    const scale = client.getScale('deployments', 'default', 'web');
    expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2 } });
    const scaled = client.updateScale('deployments', 'default', 'web', { ...scale, spec: { replicas: 5 } });
    expect(scaled.spec.replicas).toBe(5);
    expect((client.get('deployments', 'default', 'web').spec as { replicas: number }).replicas).toBe(5);
    expect(reasonOf(() => client.updateScale('deployments', 'default', 'web', scale))).toBe(
      'Conflict: Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(reasonOf(() => client.getScale('pods', 'default', 'x'))).toBe('NotFound: the server could not find the requested resource');
  });

  it('serves status, logs, binding and eviction of pods', () => {
    const cluster = createCluster({ seed: 1 });
    const client = createClient(cluster);
    cluster.hold(true);
    client.create('pods', 'default', pod('a'));
    client.bind('default', 'a', 'kind-worker2');
    expect((client.getStatus('pods', 'default', 'a').spec as { nodeName: string }).nodeName).toBe('kind-worker2');
    expect(reasonOf(() => client.bind('default', 'a', 'kind-worker'))).toBe(
      'Conflict: Operation cannot be fulfilled on pods/binding "a": pod a is already assigned to node "kind-worker2"',
    );
    cluster.hold(false);
    cluster.advance(30_000);
    expect(client.log('default', 'a', { tailLines: 2 })).toBe(readLogs(cluster, 'default', 'a', undefined, { tail: 2 }));
    expect(client.log('default', 'a')).not.toBe('');
    client.evict('default', 'a');
    expect(tryGet(client, 'pods', 'default', 'a')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('attach and port-forward need the pod', () => {
    const client = createClient(createCluster({ seed: 1 }));
    const streams = { stdout: () => {}, stderr: () => {} };
    expect(reasonOf(() => client.exec('default', 'a', { command: ['ls'] }, streams))).toBe('NotFound: pods "a" not found');
    expect(reasonOf(() => client.attach('default', 'a', {}, streams))).toBe('NotFound: pods "a" not found');
    expect(reasonOf(() => client.portForward('default', 'a', [80]))).toBe('NotFound: pods "a" not found');
  });
});
