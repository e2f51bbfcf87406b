import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { statusOf, testServer } from '../../kinds/test-server';

const claim = (storage: string, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'c' },
  spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'], resources: { requests: { storage } }, ...extra },
});

function boundClaim(allowVolumeExpansion?: boolean) {
  const api = testServer();
  api.create('storageclasses', undefined, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'x', ...(allowVolumeExpansion === undefined ? {} : { allowVolumeExpansion }) });
  const created = api.create('persistentvolumeclaims', 'default', claim('1Gi'));
  api.updateStatus('persistentvolumeclaims', 'default', { ...created, status: { phase: 'Bound', capacity: { storage: '1Gi' } } });
  const grow = (storage: string, extra?: Record<string, unknown>) => {
    const cur = api.get('persistentvolumeclaims', 'default', 'c');
    return api.update('persistentvolumeclaims', 'default', { ...cur, spec: { ...(cur.spec as object), ...claim(storage, extra).spec as object } });
  };
  return { api, grow };
}

describe('PersistentVolumeClaimResize', () => {
  it('refuses growth when the class does not allow expansion', () => {
    const { grow } = boundClaim();
    expect(statusOf(() => grow('2Gi')).status.message).toBe(
      'persistentvolumeclaims "c" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  });

  it('lets a bound claim grow when the class allows it', () => {
    const { grow } = boundClaim(true);
    expect((grow('2Gi').spec as { resources: { requests: { storage: string } } }).resources.requests.storage).toBe('2Gi');
  });

  it('comes after validation: another spec change is Invalid, not Forbidden', () => {
    const { grow } = boundClaim();
    expect(statusOf(() => grow('2Gi', { accessModes: ['ReadWriteMany'] })).status.reason).toBe('Invalid');
  });
});
