import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { statusOf } from '../test-server';

describe('ComponentStatus', () => {
  it('answers the three health checks of a kind control plane, all Healthy', () => {
    const c = createCluster();
    const rows = c.api.list('componentstatuses').map((cs) => [cs.metadata.name, (cs as unknown as { conditions: { status: string; message: string }[] }).conditions[0]]);
    expect(rows).toEqual([
      ['controller-manager', { type: 'Healthy', status: 'True', message: 'ok' }],
      ['etcd-0', { type: 'Healthy', status: 'True', message: 'ok' }],
      ['scheduler', { type: 'Healthy', status: 'True', message: 'ok' }],
    ]);
  });

  it('is read-only: writes have no route (MethodNotAllowed)', () => {
    const c = createCluster();
    for (const write of [() => c.api.delete('componentstatuses', undefined, 'scheduler'), () => c.api.create('componentstatuses', undefined, { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name: 'x' } })]) {
      const err = statusOf(write);
      expect(err.status.reason).toBe('MethodNotAllowed');
      expect(err.message).toBe('the server does not allow this method on the requested resource');
    }
    expect(c.api.list('componentstatuses')).toHaveLength(3);
  });
});
