/**
 * Jobs and CronJobs on the graph (issue 10, item 6): a CronJob's card with its Jobs under it, a
 * finished Job faded with its Completed pod dimmed, and the inspector naming the CronJob's next run.
 */
import { expect, test } from '@playwright/test';
import { openApp, runCommand, setSpeed } from './helpers';

const SHOTS = 'test-results/batch';

test('a CronJob, its Jobs and their finished pods; the inspector shows the next run', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  await runCommand(page, 'kubectl create cronjob tick --image=busybox:1.28 --schedule="* * * * *" -- date');
  await runCommand(page, 'kubectl create job countdown --image=busybox:1.28 -- sh -c "sleep 2"');
  await expect(page.getByRole('button', { name: /^CronJob tick:/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Job tick-\d+:/ }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Job countdown:.*Complete/ })).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/graph.png` });
  await page.getByRole('button', { name: /^CronJob tick:/ }).click();
  await expect(page.getByTestId('next-run')).toContainText('Next run:');
  await page.screenshot({ path: `${SHOTS}/inspector.png` });
});
