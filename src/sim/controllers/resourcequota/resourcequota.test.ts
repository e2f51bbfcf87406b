import { describe, expect, it } from 'vitest';
import { harness } from '../test-helpers';

const pod = (name: string, cpu: string, phase?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { nodeName: 'n1', containers: [{ name: 'a', image: 'nginx', resources: { requests: { cpu, memory: '100Mi' }, limits: { cpu, memory: '100Mi' } } }] },
  ...(phase ? { status: { phase } } : {}),
});

describe('resource quota controller', () => {
  it('keeps status.hard and status.used current as pods come and go', () => {
    const h = harness();
    h.api.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { 'requests.cpu': '2', 'limits.memory': '1Gi', pods: '5', 'count/deployments.apps': '1', 'count/things.example.com': '1' } } });
    h.api.create('pods', 'default', pod('a', '500m'));
    h.api.create('pods', 'default', pod('b', '250m'));
    h.settle();
    const status = () => (h.api.get('resourcequotas', 'default', 'q') as { status?: { hard?: object; used?: object } }).status;
    expect(status()?.hard).toEqual({ 'requests.cpu': '2', 'limits.memory': '1Gi', pods: '5', 'count/deployments.apps': '1', 'count/things.example.com': '1' });
    // A resource nobody serves has no usage to report.
    expect(status()?.used).toEqual({ 'requests.cpu': '750m', 'limits.memory': '200Mi', pods: '2', 'count/deployments.apps': '0' });
    h.api.delete('pods', 'default', 'a', { gracePeriodSeconds: 0 });
    h.settle();
    expect(status()?.used).toMatchObject({ 'requests.cpu': '250m', pods: '1' });
  });
});
