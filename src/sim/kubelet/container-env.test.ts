import { describe, expect, it } from 'vitest';
import type { Container, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { fieldValue, kubeletEnv, resourceValue, serviceEnv, type PodFacts } from './container-env';

const svc = (namespace: string, name: string, clusterIP: string, ports: ServicePort[]): Service => ({ metadata: { namespace, name }, spec: { clusterIP, ports } });
const kubernetes = svc('default', 'kubernetes', '10.96.0.1', [{ name: 'https', port: 443 }]);
const facts: PodFacts = { podIPs: ['10.244.1.5'], hostIPs: ['172.18.0.3'], allocatable: { cpuMillis: 4000, memoryBytes: 8 * 2 ** 30, ephemeralBytes: 1024 }, services: [kubernetes] };
const pod = (spec: Partial<NonNullable<Pod['spec']>> = {}, ns = 'default'): Pod => ({
  metadata: { name: 'p', namespace: ns, uid: 'u-1', labels: { b: '2', a: 'say "hi"' }, annotations: { team: 'blue' } },
  spec: { containers: [], nodeName: 'kind-worker', serviceAccountName: 'default', ...spec },
});

describe('downward API fields', () => {
  it.each([
    ['metadata.name', 'p'], ['metadata.namespace', 'default'], ['metadata.uid', 'u-1'],
    ["metadata.labels['b']", '2'], ["metadata.labels['none']", ''], ["metadata.annotations['team']", 'blue'],
    ['metadata.labels', 'a="say \\"hi\\""\nb="2"'],
    ['spec.nodeName', 'kind-worker'], ['spec.serviceAccountName', 'default'],
    ['status.podIP', '10.244.1.5'], ['status.podIPs', '10.244.1.5'], ['status.hostIP', '172.18.0.3'],
  ])('%s → %j', (path, want) => expect(fieldValue(path, pod(), facts)).toBe(want));
});

describe('resource fields', () => {
  const c: Container = { name: 'c', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1500m' } } };
  it.each([
    ['limits.cpu', undefined, '2'], ['limits.cpu', '1m', '1500'], ['requests.cpu', undefined, '1'], ['requests.cpu', '100m', '3'],
    ['requests.memory', '1Mi', '64'], ['limits.memory', '1Gi', '8'], ['limits.memory', '0', String(8 * 2 ** 30)],
  ])('%s / %s → %s', (resource, divisor, want) => expect(resourceValue(resource, divisor, c, facts)).toBe(want));
  it('a request left out is 0', () => expect(resourceValue('requests.cpu', undefined, { name: 'c' }, facts)).toBe('0'));
});

describe('service links', () => {
  const services = [kubernetes, svc('default', 'my-db', '10.96.5.5', [{ port: 5432 }]), svc('default', 'headless', 'None', [{ port: 80 }]), svc('other', 'far', '10.96.9.9', [{ port: 1 }])];
  it('the namespace services and kubernetes; none for headless or other namespaces', () => {
    const env = serviceEnv(pod(), services);
    expect(env.MY_DB_SERVICE_HOST).toBe('10.96.5.5');
    expect(env.MY_DB_PORT_5432_TCP_PROTO).toBe('tcp');
    expect(Object.keys(env).some((k) => k.startsWith('HEADLESS') || k.startsWith('FAR'))).toBe(false);
    expect(env.KUBERNETES_SERVICE_PORT_HTTPS).toBe('443');
  });
  it('kubernetes only with enableServiceLinks: false, and in every namespace', () => {
    expect(Object.keys(serviceEnv(pod({ enableServiceLinks: false }), services)).every((k) => k.startsWith('KUBERNETES_'))).toBe(true);
    expect(serviceEnv(pod({}, 'other'), services).KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
    expect(serviceEnv(pod({}, 'other'), services).FAR_SERVICE_HOST).toBe('10.96.9.9');
  });
  it('a container variable wins over a service one; values expand against both', () => {
    const c: Container = { name: 'c', env: [{ name: 'KUBERNETES_SERVICE_HOST', value: 'mine' }, { name: 'URL', value: 'https://$(KUBERNETES_SERVICE_HOST):$(KUBERNETES_SERVICE_PORT)' }] };
    const env = kubeletEnv(pod(), c, facts);
    expect(env.KUBERNETES_SERVICE_HOST).toBe('mine');
    expect(env.URL).toBe('https://mine:443');
  });
});
