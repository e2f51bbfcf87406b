import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { causes, testServer } from '../test-server';
import { formatEndpoints } from './endpoints';

type J = Record<string, any>;

const endpoints = (subsets: unknown[]): KObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db' }, subsets });

describe('Endpoints strategy', () => {
  it('defaults port protocols', () => {
    const api = testServer();
    const e = api.create('endpoints', 'default', endpoints([{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 5432 }] }])) as J;
    expect(e.subsets).toEqual([{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 5432, protocol: 'TCP' }] }]);
  });

  it('reports what ValidateEndpoints reports', () => {
    const api = testServer();
    expect(causes(() => api.create('endpoints', 'default', endpoints([{ ports: [{ port: 80 }] }])))).toEqual(['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']);
    expect(causes(() => api.create('endpoints', 'default', endpoints([{ addresses: [{ ip: 'db.local' }, { ip: '127.0.0.1' }], notReadyAddresses: [{ ip: '169.254.1.1' }], ports: [{ port: 80 }, { name: 'b', port: 0, protocol: 'HTTP' }] }])))).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "db.local": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[0].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[0].notReadyAddresses[0].ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      'subsets[0].ports[0].name: Required value',
      'subsets[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'subsets[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it('prints ready ip:port pairs (formatEndpoints)', () => {
    const a = (ip: string) => ({ ip });
    expect(formatEndpoints(undefined)).toBe('<none>');
    expect(formatEndpoints([{ notReadyAddresses: [a('10.0.0.1')], ports: [{ port: 80 }] }])).toBe('');
    expect(formatEndpoints([{ addresses: [a('10.0.0.1'), a('10.0.0.2')], ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }])).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...');
    expect(formatEndpoints([{ addresses: [a('10.0.0.1')] }])).toBe('10.0.0.1');
  });
});
