import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { statusError } from '../api/errors';
import { listNodeMetrics, listPodMetrics, metricsApiRegistered, RESOLUTION_MS } from './metrics-api';
import { metricsReader } from './reader';

const pod = (name: string, image: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name, image }] } });

describe('the metrics API', () => {
  it('is not registered until the add-on is installed', () => {
    const c = createCluster();
    expect(metricsApiRegistered(c)).toBe(false);
    expect(metricsReader(c)).toBeUndefined();
  });

  it('answers 503 until the metrics-server pod is Ready', () => {
    const c = createCluster();
    c.api.create('deployments', 'kube-system', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'metrics-server', namespace: 'kube-system' }, spec: { selector: { matchLabels: { 'k8s-app': 'metrics-server' } }, template: { metadata: { labels: { 'k8s-app': 'metrics-server' } }, spec: { containers: [{ name: 'm', image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2' }] } } } });
    expect(() => listPodMetrics(c, 'default')).toThrow(statusError('ServiceUnavailable', 'the server is currently unable to handle the request (get pods.metrics.k8s.io)'));
  });

  it('reports a container once two scrapes have seen it, with what its app uses', () => {
    const c = createCluster({ addons: ['metrics-server'] });
    c.api.create('pods', 'default', pod('web', 'nginx'));
    c.advance(5_000);
    expect(listPodMetrics(c, 'default')).toEqual([]);
    c.advance(2 * RESOLUTION_MS);
    const [m] = listPodMetrics(c, 'default');
    expect(m.metadata.name).toBe('web');
    expect(m.window).toBe('15s');
    expect(m.containers).toEqual([{ name: 'web', usage: { cpu: '0n', memory: '3342Ki' } }]);
  });

  it('adds the pods of a node to what the node itself uses', () => {
    const c = createCluster({ addons: ['metrics-server'], workers: 1 });
    const before = listNodeMetrics(c).find((n) => n.metadata.name === 'kind-worker')!;
    c.api.create('pods', 'default', pod('db', 'mysql'));
    c.advance(60_000);
    const after = listNodeMetrics(c).find((n) => n.metadata.name === 'kind-worker')!;
    const ki = (q: string) => Number(q.replace('Ki', ''));
    expect(ki(after.usage.memory) - ki(before.usage.memory)).toBe(412 * 1024);
  });
});
