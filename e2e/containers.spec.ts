/**
 * The inspector's Containers view and the graph's not-ready mark (issue 7: "probe results and
 * container states in the inspector, not-ready pods marked on the graph").
 */
import { expect, test } from '@playwright/test';
import { openApp, pods, promptLine, runCommand, SCREENSHOTS, setSpeed } from './helpers';

test('a pod opens on its containers: state, readiness, restarts and probes', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 10);
  await runCommand(page, "kubectl run web --image=nginx --restart=Never");
  await expect(pods(page, 'Running')).toHaveCount(1, { timeout: 30_000 });
  await page.getByRole('button', { name: /^Pod web: Running/ }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('tab', { name: 'Containers' })).toHaveAttribute('aria-selected', 'true');
  const card = inspector.getByRole('region', { name: 'Container web' });
  await expect(card.getByTestId('ctr-state')).toHaveText(/^Running for \d+s$/);
  await expect(card).toContainText('Ready');
  await expect(card).toContainText('Restarts');
  await page.screenshot({ path: `${SCREENSHOTS}/containers-view.png` });
  // Other kinds have no Containers view.
  await runCommand(page, 'kubectl create deployment d --image=nginx');
  await page.getByRole('button', { name: /^Deployment d:/ }).click();
  await expect(inspector.getByRole('tab', { name: 'Containers' })).toHaveCount(0);
  await expect(inspector.getByRole('tabpanel')).toContainText('kind: Deployment');
});

test('a failing readiness probe: marked on the graph, its message in the Containers view, ready once fixed', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 10);
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'ready-demo' },
    spec: { containers: [{ name: 'app', image: 'busybox:1.37', command: ['sh', '-c', 'sleep 3600'], readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 2, failureThreshold: 1 } }] },
  };
  expect(await runCommand(page, `echo '${JSON.stringify(pod)}' | kubectl apply -f -`)).toBe('pod/ready-demo created');
  const cell = page.getByRole('button', { name: 'Pod ready-demo: Running, not ready (0/1)' });
  await expect(cell).toBeVisible({ timeout: 30_000 });
  await cell.click();
  const card = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Container app' });
  await expect(card.getByRole('status')).toContainText("Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory", { timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/probe-not-ready.png` });
  expect(await runCommand(page, 'kubectl exec ready-demo -- touch /tmp/ready')).toBe('');
  await expect(page.getByRole('button', { name: 'Pod ready-demo: Running' })).toBeVisible({ timeout: 30_000 });
});

test('kubectl exec -it: the image shell\'s prompt in the terminal until exit', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 10);
  await runCommand(page, 'kubectl run box --image=busybox:1.37 -- sleep 3600');
  await expect(pods(page, 'Running')).toHaveCount(1, { timeout: 30_000 });
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type('kubectl exec -it box -- sh');
  await page.keyboard.press('Enter');
  await expect.poll(() => promptLine(page)).toBe('/ #');
  await page.keyboard.type('echo hi > /tmp/x; cat /tmp/x; hostname');
  await page.keyboard.press('Enter');
  await expect.poll(() => promptLine(page)).toBe('/ #');
  const rows = (await page.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
  expect(rows).toContain('hi');
  expect(rows).toContain('box');
  await page.screenshot({ path: `${SCREENSHOTS}/exec-interactive.png` });
  await page.keyboard.type('exit 3');
  await page.keyboard.press('Enter');
  await expect.poll(() => promptLine(page)).toBe('$');
  expect(rows.join('\n')).not.toContain('command terminated');
  const after = (await page.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
  expect(after).toContain('command terminated with exit code 3');
});
