import { describe, expect, it } from 'vitest';
import type { KObject } from '../core/object';
import { quantityString } from '../core/quantity';
import type { ResourceList } from '../core/resource-list';
import { matchesScopes, usageOf } from './evaluate';

const text = (l: ResourceList) => Object.fromEntries([...l].map(([k, q]) => [k, quantityString(q)]));
const pod = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const quota = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec });

describe('quota usage of one object', () => {
  it('counts a pod, its requests (bare and prefixed) and limits, init containers as a floor', () => {
    const p = pod({
      initContainers: [{ name: 'i', resources: { requests: { cpu: '2' } } }],
      containers: [
        { name: 'a', resources: { requests: { cpu: '500m', memory: '128Mi' }, limits: { memory: '256Mi' } } },
        { name: 'b', resources: { requests: { cpu: '250m', memory: '128Mi' } } },
      ],
    });
    expect(text(usageOf('pods', '', p))).toEqual({
      'count/pods': '1', pods: '1', cpu: '2', 'requests.cpu': '2', memory: '256Mi', 'requests.memory': '256Mi', 'limits.memory': '256Mi',
    });
  });

  it('counts node ports and load balancers of a Service by intent', () => {
    const svc = (type: string, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type, ports: [{ port: 80 }, { port: 443, nodePort: 30443 }], ...extra } });
    expect(text(usageOf('services', '', svc('ClusterIP')))).toEqual({ 'count/services': '1', services: '1' });
    expect(text(usageOf('services', '', svc('NodePort')))['services.nodeports']).toBe('2');
    expect(text(usageOf('services', '', svc('LoadBalancer', { allocateLoadBalancerNodePorts: false })))).toMatchObject({ 'services.nodeports': '1', 'services.loadbalancers': '1' });
  });

  it('counts a claim by its storage and class, any other kind as count/<resource>.<group>', () => {
    const pvc: KObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } };
    expect(text(usageOf('persistentvolumeclaims', '', pvc))).toEqual({
      'count/persistentvolumeclaims': '1', persistentvolumeclaims: '1', 'requests.storage': '1Gi',
      'standard.storageclass.storage.k8s.io/persistentvolumeclaims': '1', 'standard.storageclass.storage.k8s.io/requests.storage': '1Gi',
    });
    expect(text(usageOf('deployments', 'apps', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }))).toEqual({ 'count/deployments.apps': '1' });
  });
});

describe('quota scopes', () => {
  const bestEffort = pod({ containers: [{ name: 'a' }] });
  const burstable = pod({ containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }], activeDeadlineSeconds: 30, priorityClassName: 'high' });

  it('match pods by QoS and active deadline, every scope at once', () => {
    expect(matchesScopes(quota({ scopes: ['BestEffort'] }) as never, 'pods', bestEffort)).toBe(true);
    expect(matchesScopes(quota({ scopes: ['BestEffort'] }) as never, 'pods', burstable)).toBe(false);
    expect(matchesScopes(quota({ scopes: ['NotBestEffort', 'Terminating'] }) as never, 'pods', burstable)).toBe(true);
    expect(matchesScopes(quota({ scopes: ['NotBestEffort', 'NotTerminating'] }) as never, 'pods', burstable)).toBe(false);
  });

  it('match a priority class by scopeSelector', () => {
    const sel = (operator: string, values?: string[]) => quota({ scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator, values }] } }) as never;
    expect(matchesScopes(sel('In', ['high']), 'pods', burstable)).toBe(true);
    expect(matchesScopes(sel('In', ['high']), 'pods', bestEffort)).toBe(false);
    expect(matchesScopes(sel('NotIn', ['high']), 'pods', bestEffort)).toBe(true);
  });

  it('never take in objects other than pods', () => {
    expect(matchesScopes(quota({ scopes: ['NotTerminating'] }) as never, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } })).toBe(false);
    expect(matchesScopes(quota({}) as never, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } })).toBe(true);
  });
});
