import { describe, expect, it } from 'vitest';
import { findMatchingVolume, volumeFitsNode, type PV, type PVC } from './volume-match';

function pv(name: string, size: string, extra: Partial<NonNullable<PV['spec']>> = {}, labels?: Record<string, string>): PV {
  return {
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, labels },
    spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', hostPath: { path: `/mnt/${name}` }, ...extra },
    status: { phase: 'Available' },
  } as PV;
}

function pvc(size: string, extra: Partial<NonNullable<PVC['spec']>> = {}): PVC {
  return {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default', uid: 'u1' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, storageClassName: 'manual', ...extra },
  } as PVC;
}

describe('findMatchingVolume', () => {
  it('picks the smallest volume that fits', () => {
    const vols = [pv('big', '10Gi'), pv('small', '1Gi'), pv('tiny', '100Mi')];
    expect(findMatchingVolume(pvc('500Mi'), vols, undefined, false)?.metadata.name).toBe('small');
  });

  it('needs every access mode, the same class and a matching selector', () => {
    const vols = [pv('rwx', '1Gi', { accessModes: ['ReadWriteMany'] }), pv('other-class', '1Gi', { storageClassName: 'fast' }), pv('labelled', '5Gi', {}, { tier: 'gold' })];
    expect(findMatchingVolume(pvc('1Gi', { accessModes: ['ReadWriteOnce'] }), vols, undefined, false)?.metadata.name).toBe('labelled');
    expect(findMatchingVolume(pvc('1Gi', { selector: { matchLabels: { tier: 'silver' } } }), vols, undefined, false)).toBeUndefined();
  });

  it('skips volumes claimed by another claim, but takes one pre-bound to this claim', () => {
    const taken = pv('taken', '1Gi', { claimRef: { namespace: 'default', name: 'other', uid: 'u2' } });
    const mine = pv('mine', '50Gi', { claimRef: { namespace: 'default', name: 'c' } });
    expect(findMatchingVolume(pvc('1Gi'), [taken], undefined, false)).toBeUndefined();
    expect(findMatchingVolume(pvc('1Gi'), [taken, pv('free', '2Gi'), mine], undefined, false)?.metadata.name).toBe('mine');
  });

  it('leaves WaitForFirstConsumer binding to the scheduler, which checks node affinity', () => {
    const local = pv('local', '1Gi', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-worker'] }] }] } } });
    const worker = { metadata: { name: 'kind-worker', labels: { 'kubernetes.io/hostname': 'kind-worker' } } };
    const worker2 = { metadata: { name: 'kind-worker2', labels: { 'kubernetes.io/hostname': 'kind-worker2' } } };
    expect(findMatchingVolume(pvc('1Gi'), [local], undefined, true)).toBeUndefined();
    expect(findMatchingVolume(pvc('1Gi'), [local], worker, true)?.metadata.name).toBe('local');
    expect(findMatchingVolume(pvc('1Gi'), [local], worker2, true)).toBeUndefined();
    expect(volumeFitsNode(local, worker2)).toBe(false);
  });
});
