/**
 * The inspector's Containers view and the graph's not-ready mark (issue 7: "probe results and
 * container states in the inspector, not-ready pods marked on the graph").
 */
import { expect, test } from '@playwright/test';
import { openApp, pods, runCommand, SCREENSHOTS, setSpeed } from './helpers';

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
