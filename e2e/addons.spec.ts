/**
 * The metrics-server add-on from the UI (issue 7, item 5): the button runs the install in the
 * terminal, then `kubectl top node` works once the add-on's pod is Ready.
 */
import { expect, test } from '@playwright/test';
import { openAddons, openApp, runCommand, setSpeed, terminalLog } from './helpers';

test('installs metrics-server from the top bar, and kubectl top then answers', async ({ page }) => {
  await openApp(page);
  expect(await runCommand(page, 'kubectl top node')).toBe('error: Metrics API not available');
  await setSpeed(page, 30);
  await openAddons(page);
  await page.getByRole('button', { name: '+ metrics-server' }).click();
  await expect(terminalLog(page)).toContainText('deployment.apps/metrics-server created');
  // Installing closed the menu; open again, the button says it is done.
  await openAddons(page);
  await expect(page.getByRole('button', { name: 'metrics-server ✓' })).toBeDisabled();
  await expect.poll(async () => (await runCommand(page, 'kubectl top node kind-worker')).split('\n')[0], { timeout: 60_000 }).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s*$/);
});
