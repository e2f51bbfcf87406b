import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { causes, testServer } from '../test-server';

const lr = (limits: Record<string, unknown>[]): KObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' }, spec: { limits } });

describe('LimitRange', () => {
  it('defaults a Container item: limit from max, request from the limit, then from min', () => {
    const api = testServer();
    const created = api.create('limitranges', 'default', lr([{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { memory: '256Mi' } }, { type: 'Pod', max: { cpu: '4' } }]));
    const [container, podItem] = (created.spec as { limits: Record<string, unknown>[] }).limits;
    expect(container.default).toEqual({ memory: '256Mi', cpu: '2' });
    expect(container.defaultRequest).toEqual({ memory: '256Mi', cpu: '2' });
    expect(podItem.default).toBeUndefined();
  });

  it('stores quantities in canonical form, as a decoded Quantity marshals', () => {
    const api = testServer();
    const created = api.create('limitranges', 'default', lr([{ type: 'Pod', max: { cpu: '0.5', memory: 1073741824 } }]));
    expect((created.spec as { limits: Record<string, unknown>[] }).limits[0].max).toEqual({ cpu: '500m', memory: '1073741824' });
    const quota = api.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: 10, 'requests.memory': '1024Mi' } } });
    expect((quota.spec as { hard: object }).hard).toEqual({ pods: '10', 'requests.memory': '1Gi' });
  });

  it('refuses ranges that contradict themselves, with validation.go messages', () => {
    const api = testServer();
    expect(causes(() => api.create('limitranges', 'default', lr([{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' }, maxLimitRequestRatio: { cpu: '500m' } }, { type: 'Pod', defaultRequest: { cpu: '1' } }, { type: 'Container' }, { type: 'PersistentVolumeClaim' }])))).toEqual([
      'min value 2 is greater than max value 1',
      'min value 2 is greater than default request value 1',
      'min value 2 is greater than default value 1',
      'ratio 500m is less than 1',
      "may not be specified when `type` is 'Pod'",
      'Duplicate value: "Container"',
      'either minimum or maximum storage value is required, but neither was provided',
    ].map((m) => expect.stringContaining(m)));
  });

  it('prints NAME and CREATED AT', () => {
    const api = testServer();
    const created = api.create('limitranges', 'default', lr([{ type: 'Container', max: { cpu: '1' } }]));
    const printer = api.registry.byResource('limitranges')!.printer!;
    expect(printer.columns.map((c) => c.name)).toEqual(['Name', 'Created At']);
    expect(printer.cells(created, { now: 0 } as never)).toEqual(['lr', created.metadata.creationTimestamp]);
  });
});
