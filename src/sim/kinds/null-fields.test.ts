import type { Pod, Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../core/object';
import { causes, deployment, pod, testServer } from './test-server';

// Strict decoding lets `null` through for any field (Go decodes it as the zero value), so the
// typed strategies still meet nulls where kubernetes-types promises a value or nothing.
const strict = { fieldValidation: 'Strict' as const };

describe('null fields in a strictly decoded object', () => {
  it('are defaulted like missing ones', () => {
    const api = testServer();
    const p = api.create('pods', 'default', pod('p', { restartPolicy: null, containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, protocol: null }] }] }), strict) as Pod & KObject;
    expect(p.spec?.restartPolicy).toBe('Always');
    expect(p.spec?.containers[0].ports?.[0].protocol).toBe('TCP');
    const body: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: null, selector: { app: 'x' }, ports: [{ port: 80, protocol: null, targetPort: null }] } };
    const s = api.create('services', 'default', body, strict) as Service & KObject;
    expect(s.spec?.type).toBe('ClusterIP');
    expect(s.spec?.ports?.[0]).toMatchObject({ protocol: 'TCP', targetPort: 80 });
  });

  it('are reported where Kubernetes requires a value', () => {
    const api = testServer();
    expect(causes(() => api.create('pods', 'default', pod('p', { containers: [null] }), strict))).toEqual([
      'spec.containers[0].name: Required value',
      'spec.containers[0].image: Required value',
    ]);
    expect(causes(() => api.create('deployments', 'default', deployment('d', { selector: null }), strict))).toContain('spec.selector: Required value');
  });
});
