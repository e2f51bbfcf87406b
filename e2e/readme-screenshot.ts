/**
 * `npx tsx e2e/readme-screenshot.ts [out.png]`: the README's picture. Opens the built app at
 * 1440×900, follows lesson 1 up to its running Deployment of three (manifest applied from the
 * editor, checks green, `kubectl get pods` in the terminal) and saves `docs/screenshot.png`.
 * Uses a server already on BASE_URL if there is one, else builds and previews (like longtask.ts).
 */
import { statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { runMain, withApp } from './standalone';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4178);
const OUT = process.argv[2] ?? 'docs/screenshot.png';

async function run(page: Page, line: string): Promise<void> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

async function shoot(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Start lesson/ }).first().click();
  await page.getByRole('button', { name: /^Step 3:/ }).click();
  await page.getByRole('button', { name: 'Open in editor: deployment.yaml' }).click();
  await page.getByRole('region', { name: 'Manifest editor' }).hover(); // Monaco loads on first reach
  await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 });
  await page.getByLabel('Speed').selectOption('30');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('button[data-status="Running"]').length === 3, undefined, { timeout: 60_000 });
  await page.getByRole('list').filter({ hasText: '3 web Pods are Running' }).getByText(/^Not yet: /).first().waitFor({ state: 'detached', timeout: 30_000 });
  await run(page, 'kubectl get deployment,pods');
  await page.getByLabel('Speed').selectOption('1');
  await page.waitForTimeout(1500);
  // Nothing focused or hovered: no caret, no focus ring.
  await page.mouse.move(0, 899);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(300);
  await page.screenshot({ path: OUT });
  console.log(`${OUT}: ${Math.round(statSync(OUT).size / 1024)} KB`);
}

runMain(() => withApp({ port: PORT, viewport: { width: 1440, height: 900 }, rebuild: true }, shoot));
