import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { statusOf, testServer } from '../../kinds/test-server';

const quota = (name: string, hard: Record<string, string>, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard, ...extra } });
const pod = (name: string, resources: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name, image: 'nginx', resources }] } });
const sized = (cpu: string, memory = '64Mi') => ({ requests: { cpu, memory }, limits: { cpu, memory } });

describe('ResourceQuota admission', () => {
  it('makes every container state what a cpu/memory quota tracks', () => {
    const api = testServer();
    api.create('resourcequotas', 'default', quota('q', { 'limits.cpu': '2', 'requests.memory': '1Gi' }));
    expect(statusOf(() => api.create('pods', 'default', pod('nginx'))).status.message).toBe(
      'pods "nginx" is forbidden: failed quota: q: must specify limits.cpu for: nginx; requests.memory for: nginx',
    );
  });

  it('refuses a pod that would take the namespace past hard, naming only what is exceeded', () => {
    const api = testServer();
    api.create('resourcequotas', 'default', quota('q', { 'requests.cpu': '1', 'requests.memory': '1Gi', pods: '10' }));
    api.create('pods', 'default', pod('a', sized('600m')));
    expect(statusOf(() => api.create('pods', 'default', pod('b', sized('500m')))).status.message).toBe(
      'pods "b" is forbidden: exceeded quota: q, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1',
    );
    expect(api.create('pods', 'default', pod('c', sized('400m'))).metadata.name).toBe('c');
  });

  it('counts objects of any kind, and leaves quotas of other namespaces alone', () => {
    const api = testServer();
    api.create('resourcequotas', 'kube-system', quota('q', { 'count/configmaps': '0' }));
    api.create('resourcequotas', 'default', quota('q', { configmaps: '1' }));
    api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' } });
    expect(statusOf(() => api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'two' } })).status.message).toBe(
      'configmaps "two" is forbidden: exceeded quota: q, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    );
  });

  it('applies a scoped quota only to the pods in its scope', () => {
    const api = testServer();
    api.create('resourcequotas', 'default', quota('be', { pods: '0' }, { scopes: ['BestEffort'] }));
    expect(api.create('pods', 'default', pod('sized', sized('100m'))).metadata.name).toBe('sized');
    expect(statusOf(() => api.create('pods', 'default', pod('bare'))).status.message).toBe('pods "bare" is forbidden: exceeded quota: be, requested: pods=1, used: pods=0, limited: pods=0');
  });

  it('charges a Service turned NodePort for its node ports, and nothing for turning back', () => {
    const api = testServer();
    api.create('resourcequotas', 'default', quota('q', { 'services.nodeports': '1', services: '1' }));
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] } };
    const created = api.create('services', 'default', svc);
    const nodePort = { ...created, spec: { ...(created.spec as object), type: 'NodePort' } };
    expect(statusOf(() => api.update('services', 'default', nodePort)).status.message).toBe(
      'services "web" is forbidden: exceeded quota: q, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1',
    );
    // A plain update (a label) at the `services` count limit is not charged again.
    const labelled = { ...created, metadata: { ...created.metadata, labels: { a: 'b' } } };
    expect(api.update('services', 'default', labelled).metadata.labels).toEqual({ a: 'b' });
  });
});

