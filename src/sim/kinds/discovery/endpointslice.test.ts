import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { causes, testServer } from '../test-server';
import { formatSliceEndpoints, formatSlicePorts } from './endpointslice';

type J = KObject & Record<string, any>;

const slice = (name: string, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }],
  ports: [{ port: 80 }],
  ...extra,
});

describe('EndpointSlice strategy', () => {
  it('defaults port name and protocol, and counts generations of content changes', () => {
    const api = testServer();
    const s = api.create('endpointslices', 'default', slice('web-abcde')) as J;
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(s.metadata.generation).toBe(1);
    const same = api.update('endpointslices', 'default', { ...s, metadata: { ...s.metadata, annotations: { a: 'b' } } }) as J;
    expect(same.metadata.generation).toBe(1);
    const moved = api.update('endpointslices', 'default', { ...same, endpoints: [{ addresses: ['10.244.2.9'] }] }) as J;
    expect(moved.metadata.generation).toBe(2);
  });

  it('reports what ValidateEndpointSlice reports', () => {
    const api = testServer();
    expect(causes(() => api.create('endpointslices', 'default', slice('a', { addressType: undefined })))).toEqual(['addressType: Required value']);
    expect(causes(() => api.create('endpointslices', 'default', slice('a', { addressType: 'IP' })))).toEqual(['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"']);
    expect(causes(() => api.create('endpointslices', 'default', slice('a', { endpoints: [{ addresses: [] }, { addresses: ['10.0.0.300', '127.0.0.1'] }] })))).toEqual([
      'endpoints[0].addresses: Required value: must contain at least 1 address',
      'endpoints[1].addresses[0]: Invalid value: "10.0.0.300": must be a valid IPv4 address',
      'endpoints[1].addresses[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
    expect(causes(() => api.create('endpointslices', 'default', slice('a', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81, protocol: 'HTTP' }] })))).toEqual([
      'ports[1].name: Duplicate value: "http"',
      'ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    const s = api.create('endpointslices', 'default', slice('b')) as J;
    expect(causes(() => api.update('endpointslices', 'default', { ...s, addressType: 'IPv6', endpoints: [] }))).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });

  it('prints ports and addresses as kubectl does (≤3, + N more..., <unset>)', () => {
    expect(formatSlicePorts([{ port: 80 }, { name: 'http' }, {}, { port: 9 }])).toBe('80,http,* + 1 more...');
    expect(formatSlicePorts(null)).toBe('<unset>');
    expect(formatSliceEndpoints([{ addresses: ['a', 'b'] }, { addresses: ['c'] }])).toBe('a,b,c');
    expect(formatSliceEndpoints([{ addresses: ['a', 'b'] }, { addresses: ['c', 'd', 'e'] }])).toBe('a,b,c + 2 more...');
    expect(formatSliceEndpoints(null)).toBe('<unset>');
  });
});
