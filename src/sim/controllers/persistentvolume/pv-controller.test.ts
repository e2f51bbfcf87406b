import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { KObject } from '../../core/object';

const volume = (name: string, policy: string): KObject => ({
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name },
  spec: { storageClassName: 'manual', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: policy, hostPath: { path: '/mnt/data' } },
});
const claim = (name: string): KObject => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' },
  spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});
const phase = (o: KObject | undefined) => (o?.status as { phase?: string } | undefined)?.phase;

describe('persistent volume controller', () => {
  it('binds, releases a Retain volume, and makes it Available once its claimRef is cleared', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('persistentvolumes', undefined, volume('keep', 'Retain'));
    c.api.create('persistentvolumeclaims', 'default', claim('c'));
    c.advance(1000);
    expect(phase(c.api.get('persistentvolumes', undefined, 'keep'))).toBe('Bound');
    expect(phase(c.api.get('persistentvolumeclaims', 'default', 'c'))).toBe('Bound');
    c.api.delete('persistentvolumeclaims', 'default', 'c');
    c.advance(1000);
    const released = c.api.get('persistentvolumes', undefined, 'keep');
    expect(phase(released)).toBe('Released');
    // A new claim does not take a Released volume.
    c.api.create('persistentvolumeclaims', 'default', claim('c2'));
    c.advance(1000);
    expect(phase(c.api.get('persistentvolumeclaims', 'default', 'c2'))).toBe('Pending');
    const { claimRef: _gone, ...spec } = released.spec as Record<string, unknown>;
    c.api.update('persistentvolumes', undefined, { ...released, spec });
    c.advance(1000);
    expect(phase(c.api.get('persistentvolumes', undefined, 'keep'))).toBe('Available');
    // The waiting claim finds it at the controller's next 15 s resync.
    c.advance(15_000);
    expect(phase(c.api.get('persistentvolumeclaims', 'default', 'c2'))).toBe('Bound');
  });

  it('fails to delete a hostPath volume outside /tmp, as the in-tree deleter does', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('persistentvolumes', undefined, volume('gone', 'Delete'));
    c.api.create('persistentvolumeclaims', 'default', claim('c'));
    c.advance(1000);
    c.api.delete('persistentvolumeclaims', 'default', 'c');
    c.advance(1000);
    const pv = c.api.get('persistentvolumes', undefined, 'gone');
    expect(phase(pv)).toBe('Failed');
    expect((pv.status as { message?: string }).message).toBe('host_path deleter only supports /tmp/.+ but received provided /mnt/data');
  });
});
