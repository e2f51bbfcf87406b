import { describe, expect, it } from 'vitest';
import { claimNamesClass, storageClassOf } from '../../kinds/core/volume-access';
import { provisionerFor } from './in-tree-provisioners';

describe('in-tree provisioners in 1.32', () => {
  it('hands a migrated cloud provisioner to its CSI driver, refuses other kubernetes.io names, passes external ones', () => {
    expect(provisionerFor('kubernetes.io/azure-disk')).toEqual({ name: 'disk.csi.azure.com' });
    expect(provisionerFor('kubernetes.io/aws-ebs')).toEqual({ name: 'ebs.csi.aws.com' });
    expect(provisionerFor('kubernetes.io/no-provisioner')).toEqual({ error: 'no volume plugin matched name: kubernetes.io/no-provisioner' });
    expect(provisionerFor('rancher.io/local-path')).toEqual({ name: 'rancher.io/local-path' });
  });
});

describe('a claim’s class', () => {
  it('is the beta annotation when there is one, else storageClassName', () => {
    const beta = { metadata: { annotations: { 'volume.beta.kubernetes.io/storage-class': 'default' } }, spec: {} };
    expect(storageClassOf(beta)).toBe('default');
    expect(claimNamesClass(beta)).toBe(true);
    expect(storageClassOf({ spec: { storageClassName: 'fast' } })).toBe('fast');
    expect(claimNamesClass({ spec: { storageClassName: '' } })).toBe(true);
    expect(claimNamesClass({ spec: {} })).toBe(false);
  });
});
