/**
 * DaemonSets and nodes on the graph (issue 10, items 2 and 6): a DaemonSet's pods, one in each
 * worker's box; a node stopped with `docker stop` turning NotReady on its box, and Ready again
 * after `docker start`.
 */
import { expect, test } from '@playwright/test';
import { boxesOfPods, openApp, replaceEditorText, runCommand, setSpeed } from './helpers';

const SHOTS = 'test-results/daemonsets';

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox:1.37
        command: ["sleep", "infinity"]
`;

test('one DaemonSet pod per worker box; a stopped node goes NotReady and comes back', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 30);
  await replaceEditorText(page, DAEMONSET);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('button', { name: /^DaemonSet agent:/ })).toBeVisible();
  await expect.poll(async () => (await boxesOfPods(page)).sort(), { timeout: 60_000 }).toEqual(['Node kind-worker', 'Node kind-worker2', 'Node kind-worker3']);
  await page.screenshot({ path: `${SHOTS}/one-per-node.png` });

  expect(await runCommand(page, 'docker stop kind-worker2')).toContain('kind-worker2');
  const box = page.getByRole('group', { name: 'Node kind-worker2' });
  await expect(box.locator('.kp-chip-bad')).toContainText('NotReady', { timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/not-ready.png` });
  await runCommand(page, 'docker start kind-worker2');
  await expect(box.locator('.kp-chip-ok')).toContainText('Ready', { timeout: 60_000 });
});
