/**
 * For scripts that drive the app outside the Playwright test runner (the long-task measurement,
 * the README screenshot): serve the built app — or reuse a server already on BASE_URL — open a
 * page in Debian's Chromium (or CHROMIUM_PATH), run `use`, then close everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

async function serverUp(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function startServer(baseUrl: string, port: number, rebuild: boolean): Promise<ChildProcess | undefined> {
  if (await serverUp(baseUrl)) return undefined;
  if (rebuild || !existsSync('dist/index.html')) {
    const build = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100 && !(await serverUp(baseUrl)); i++) await new Promise((r) => setTimeout(r, 200));
  return server;
}

export interface StandaloneOptions {
  port: number;
  viewport: { width: number; height: number };
  /** Build even if `dist/` exists (the screenshot must show the current code). */
  rebuild?: boolean;
  /** Runs before the page loads (e.g. to install a PerformanceObserver). */
  initScript?: () => void;
  /** Runs just before the page is opened (e.g. to start a trace). */
  beforeGoto?: (page: Page) => Promise<void>;
  /** Waits until the app is ready (default: the "Cluster ready" status, found by role). */
  ready?: (page: Page) => Promise<void>;
}

export async function withApp(opts: StandaloneOptions, use: (page: Page, baseUrl: string) => Promise<void>): Promise<void> {
  const baseUrl = process.env.BASE_URL ?? `http://localhost:${opts.port}`;
  const server = await startServer(baseUrl, opts.port, opts.rebuild ?? false);
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: opts.viewport });
    if (opts.initScript) await page.addInitScript(opts.initScript);
    await opts.beforeGoto?.(page);
    await page.goto(baseUrl);
    await (opts.ready ?? ((p: Page) => p.getByRole('status').filter({ hasText: 'Cluster ready' }).waitFor()))(page);
    await use(page, baseUrl);
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid);
  }
}

/** The script's ending: a message and exit 1 if it could not do its job. */
export function runMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
