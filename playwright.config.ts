import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * e2e tests drive Debian's Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`); on a machine with
 * neither, Playwright's own browser is used. The app is built and served by `vite preview`
 * (set `E2E_DEV=1` to test against the dev server instead, `E2E_PORT` to serve on another port).
 */
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const dev = Boolean(process.env.E2E_DEV);
// E2E_PORT lets several checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT) || (dev ? 5173 : 4173);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1600, height: 960 },
    launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: dev ? `npx vite --port ${port} --strictPort` : `npx vite build && npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
