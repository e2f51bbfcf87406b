/**
 * Storage on the graph (issue 9, item 8): a claim's card points at its volume's card, the volume
 * at the node box local-path made it on, and the claim at the pod that mounts it.
 */
import { expect, test } from '@playwright/test';
import { openApp, replaceEditorText, setSpeed } from './helpers';

test('a PVC → PV → node chain appears once a pod uses the claim', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await setSpeed(page, 30);
  const manifest = [
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n  - name: app\n    image: busybox\n    command: ["sleep", "3600"]\n    volumeMounts:\n    - name: d\n      mountPath: /d\n  volumes:\n  - name: d\n    persistentVolumeClaim:\n      claimName: data\n',
  ].join('---\n');
  await replaceEditorText(page, manifest);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Apply output' })).toContainText('pod/db created');
  await expect(page.getByRole('button', { name: /^PersistentVolumeClaim data:/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^PersistentVolume pvc-/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.react-flow__edge.edge-binds')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge.edge-placed')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge.edge-mounts')).toHaveCount(1);
});
