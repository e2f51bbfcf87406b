import { describe, expect, it } from 'vitest';
import { createClient } from '../sim/client';
import { createCluster } from '../sim/cluster';
import type { KObject } from '../sim/core/object';
import { cachedReads } from './cache';

/** Labelled `mine`, apart from the namespaces' own `kube-root-ca.crt`. */
const configMap = (name: string, namespace: string, labels: Record<string, string> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, labels: { mine: 'yes', ...labels } },
});

describe('cachedReads', () => {
  it('lists what the server lists, kept current by the watch', () => {
    const cluster = createCluster({ seed: 1 });
    const client = createClient(cluster);
    for (const name of ['team', 'other']) client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    client.create('configmaps', 'team', configMap('a', 'team', { app: 'web' }));
    const reads = cachedReads(client);
    const names = (ns?: string, labelSelector?: string) => reads.list('configmaps', ns, { labelSelector: ['mine', labelSelector].filter(Boolean).join(',') }).map((o) => o.metadata.name).sort();
    expect(names('team')).toEqual(['a']);
    client.create('configmaps', 'team', configMap('b', 'team', { app: 'db' }));
    client.create('configmaps', 'other', configMap('c', 'other', { app: 'web' }));
    expect(names('team')).toEqual(['a', 'b']);
    expect(names(undefined, 'app=web')).toEqual(['a', 'c']);
    client.delete('configmaps', 'team', 'a');
    expect(names('team')).toEqual(['b']);
    expect(names()).toEqual(client.list('configmaps', undefined, { labelSelector: 'mine' }).map((o) => o.metadata.name).sort());
  });

  it('reads single objects and discovery through the client', () => {
    const client = createClient(createCluster({ seed: 1 }));
    const reads = cachedReads(client);
    expect(reads.discovery.resolve('deploy')?.plural).toBe('deployments');
    expect(reads.get('namespaces', undefined, 'default').metadata.name).toBe('default');
  });
});
