/**
 * What the persistent volume controller makes of a class whose provisioner is an in-tree name
 * (`kubernetes.io/…`, findProvisionablePlugin in pv_controller.go). The cloud ones are migrated
 * to CSI in 1.32 (csi-translation-lib): the claim waits for that CSI driver's external
 * provisioner, under the driver's name. Any other `kubernetes.io/` name matches no plugin
 * (`kubernetes.io/no-provisioner` is the usual one): a ProvisioningFailed warning, no hand-over.
 */
const MIGRATED: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
};

/** The provisioner the claim is handed to, or the error that keeps it from any. */
export function provisionerFor(classProvisioner: string): { name: string } | { error: string } {
  const migrated = MIGRATED[classProvisioner];
  if (migrated) return { name: migrated };
  if (classProvisioner.startsWith('kubernetes.io/')) return { error: `no volume plugin matched name: ${classProvisioner}` };
  return { name: classProvisioner };
}
