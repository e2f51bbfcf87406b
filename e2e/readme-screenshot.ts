/**
 * `npx tsx e2e/readme-screenshot.ts [out.png]`: the README's picture. Opens the built app at
 * 1440×900, follows lesson 1 up to its running Deployment of three (manifest applied from the
 * editor, checks green, `kubectl get pods` in the terminal) and saves `docs/screenshot.png`.
 * Uses a server already on BASE_URL if there is one, else builds and previews (like longtask.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4178);
const BASE_URL = process.env.BASE_URL ?? `http://localhost:${PORT}`;
const OUT = process.argv[2] ?? 'docs/screenshot.png';

async function serverUp(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function startServer(): Promise<ChildProcess | undefined> {
  if (await serverUp(BASE_URL)) return undefined;
  const build = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100 && !(await serverUp(BASE_URL)); i++) await new Promise((r) => setTimeout(r, 200));
  return server;
}

async function run(page: Page, line: string): Promise<void> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

async function main(): Promise<void> {
  const server = await startServer();
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(BASE_URL);
    await page.getByRole('status').filter({ hasText: 'Cluster ready' }).waitFor();
    await page.getByRole('button', { name: 'Start lesson' }).first().click();
    await page.getByRole('button', { name: /^Step 3:/ }).click();
    await page.getByRole('button', { name: 'Open in editor: deployment.yaml' }).click();
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
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
