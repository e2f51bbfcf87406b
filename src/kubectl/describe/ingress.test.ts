import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KObject } from '../../sim/core/object';
import { describeIngress, formatEndpointSlices } from './ingress';

const slice = (name: string, port: { name?: string; port: number } | undefined, eps: Array<[string, boolean | undefined]>): EndpointSlice & KObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': 'foo-service' } },
  addressType: 'IPv4',
  ports: port ? [{ name: port.name ?? '', port: port.port, protocol: 'TCP' }] : [],
  endpoints: eps.map(([ip, ready]) => ({ addresses: [ip], conditions: ready === undefined ? {} : { ready } })),
});

describe('formatEndpointSlices (kubectl describe)', () => {
  it('lists the ready endpoints of the named port, three then "+ N more..."', () => {
    expect(formatEndpointSlices([], '')).toBe('<none>');
    expect(formatEndpointSlices([slice('a', { port: 8080 }, [['10.244.1.5', true], ['10.244.2.5', false], ['10.244.3.5', undefined]])], '')).toBe('10.244.1.5:8080,10.244.3.5:8080');
    expect(formatEndpointSlices([slice('a', { name: 'http', port: 80 }, [['10.244.1.5', true]])], '')).toBe('');
    const five = slice('a', { port: 80 }, [['10.244.1.1', true], ['10.244.1.2', true], ['10.244.1.3', true], ['10.244.1.4', true], ['10.244.1.5', true]]);
    expect(formatEndpointSlices([five], '')).toBe('10.244.1.1:80,10.244.1.2:80,10.244.1.3:80 + 2 more...');
    expect(formatEndpointSlices([slice('h', undefined, [['10.244.1.1', true]])], '')).toBe('10.244.1.1');
  });

  it("shows each backend's endpoints in describe ingress, as kubectl 1.32 prints them", () => {
    const ing = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'example-ingress', namespace: 'default' },
      spec: { ingressClassName: 'cloud-provider-kind', rules: [{ http: { paths: [{ path: '/foo', pathType: 'Prefix', backend: { service: { name: 'foo-service', port: { number: 8080 } } } }] } }] },
      status: { loadBalancer: { ingress: [{ ip: '172.18.0.7' }] } },
    } as KObject;
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'foo-service', namespace: 'default' }, spec: { ports: [{ port: 8080 }] } } as KObject;
    const source = {
      now: () => 0,
      list: (resource: string) => (resource === 'services' ? [svc] : resource === 'endpointslices' ? [slice('foo-service-abcde', { port: 8080 }, [['10.244.1.5', true], ['10.244.2.5', false]])] : []),
    };
    // Verified against kubectl 1.32 describing the same objects from a stub api-server.
    expect(describeIngress(ing, source as never, [])).toBe(
      [
        'Name:             example-ingress',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          172.18.0.7',
        'Ingress Class:    cloud-provider-kind',
        'Default backend:  <default>',
        'Rules:',
        '  Host        Path  Backends',
        '  ----        ----  --------',
        '  *           ',
        '              /foo   foo-service:8080 (10.244.1.5:8080)',
        'Annotations:  <none>',
        'Events:       <none>',
        '',
      ].join('\n'),
    );
  });
});
