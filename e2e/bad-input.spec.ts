/** Mistakes a learner makes must not break the playground. */
import { expect, test } from '@playwright/test';
import { openApp, pods, podTotal, replaceEditorText, runCommand, SCREENSHOTS, setSpeed } from './helpers';

const BROKEN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
spec:
  replicas: 2
  selector:
    matchLabels: app: broken
`;

test('invalid YAML: the error is shown at its line, nothing is applied, the app stays alive', async ({ page }) => {
  await openApp(page);
  await replaceEditorText(page, BROKEN);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const output = page.getByRole('status', { name: 'Apply output' });
  // kubectl's message (Go yaml's wording and line), and the marker at the offending line.
  await expect(output).toContainText('mapping values are not allowed in this context');
  await expect(output).toContainText('yaml: line 8:');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  // The marker on line 8 says the same words (shown on hover, not repeated in a second list).
  const line8 = page.locator('.monaco-editor .view-line', { hasText: 'matchLabels: app: broken' }).locator('> span');
  const width = (await line8.boundingBox())?.width ?? 0;
  await line8.hover({ position: { x: Math.max(1, width - 6), y: 5 } });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'yaml: line 8: mapping values are not allowed in this context' }).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/06-invalid-yaml.png` });
  expect(await runCommand(page, 'kubectl get deployments')).toBe('No resources found in default namespace.');
});

test('replicas: 100000 stays responsive and stops at the pod quota', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await setSpeed(page, 60);
  await replaceEditorText(
    page,
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: huge
spec:
  replicas: 100000
  selector:
    matchLabels:
      app: huge
  template:
    metadata:
      labels:
        app: huge
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources:
          requests:
            cpu: 1m
            memory: 1Mi
`,
  );
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Apply output' })).toHaveText('deployment.apps/huge created');
  // The quota in `default` allows 1000 pods; the ReplicaSet controller reports the rest.
  // Crowded boxes draw what fits and count the rest: the caption counts every pod.
  await expect.poll(async () => podTotal(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(900);
  // Still responsive: the UI answers a click and the terminal a command promptly.
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(Date.now() - t0).toBeLessThan(2000);
  const quota = await runCommand(page, 'kubectl get resourcequota pod-quota');
  expect(quota).toMatch(/pods: 1k\/1k/);
  await page.screenshot({ path: `${SCREENSHOTS}/07-quota.png` });
  expect(await podTotal(page)).toBeLessThanOrEqual(1000);
  const drawn = await pods(page).count();
  const notDrawn = await page.locator('.kp-box-more').allTextContents();
  const hidden = notDrawn.reduce((n, t) => n + Number(/\+(\d+)/.exec(t)?.[1] ?? 0), 0);
  expect(drawn + hidden).toBe(await podTotal(page));
});
