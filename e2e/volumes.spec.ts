/**
 * Issue 9's "seeing it": ConfigMaps and Secrets that pods use are cards on the graph with edges to
 * their pods, and the inspector's Files tab shows a pod's volumes and their files — the new value
 * once the kubelet has rewritten them after an update.
 */
import { expect, test } from '@playwright/test';
import { openApp, pods, runCommand, SCREENSHOTS, setSpeed } from './helpers';

test('a ConfigMap and a Secret on the graph, and a pod\'s files in the inspector', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  await runCommand(page, 'kubectl create configmap app --from-literal=level=debug --from-literal=color=blue');
  await runCommand(page, 'kubectl create secret generic db --from-literal=password=s3cr3t');
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'web', image: 'nginx:1.27', env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }], volumeMounts: [{ name: 'cfg', mountPath: '/etc/app' }] }],
          volumes: [{ name: 'cfg', configMap: { name: 'app' } }],
        },
      },
    },
  };
  await runCommand(page, `echo '${JSON.stringify(deployment)}' | kubectl apply -f -`);
  await expect(pods(page, 'Running')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^ConfigMap app:/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Secret db:/ })).toBeVisible();
  // kube-root-ca.crt, read by every pod's service-account volume, is not drawn.
  await expect(page.getByRole('button', { name: /^ConfigMap kube-root-ca.crt/ })).toHaveCount(0);
  await expect(page.locator('.edge-configures')).toHaveCount(4);
  await pods(page, 'Running').first().click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('tab', { name: 'Files' }).click();
  const volume = inspector.getByRole('region', { name: 'Volume cfg' });
  await expect(volume).toContainText('configMap "app"');
  await expect(volume).toContainText('web:/etc/app');
  const level = volume.locator('details', { hasText: 'level' });
  await level.getByText('level').click();
  await expect(level.locator('pre')).toHaveText('debug');
  await page.screenshot({ path: `${SCREENSHOTS}/volume-files.png` });
  expect(await runCommand(page, `kubectl patch configmap app --type merge -p '{"data":{"level":"info"}}'`)).toBe('configmap/app patched');
  await expect(level.locator('pre')).toHaveText('info', { timeout: 30_000 });
});
