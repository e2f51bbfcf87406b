/**
 * `tsx e2e/longtask.ts` (called by `npm run bench`): opens the built app in Chromium, lets it
 * load untouched, then churns ~300 pods (a Deployment of 300, a rolling update of all of them,
 * a scale-down) at 60× and reports the main thread's long tasks (PerformanceObserver
 * 'longtask': every task over 50 ms) as one JSON line:
 * {"maxLongTaskMs": …, "count": …, "maxTaskCpuMs": …, "wallMs": …,
 *  "load": {"maxLongTaskMs": …, "count": …, "maxTaskCpuMs": …, "readyMs": …, "interactiveMs": …}}
 * (the top-level figures are the churn's; `maxTaskCpuMs` is the longest task by CPU time, which
 * other processes on a busy machine do not stretch; `readyMs` is when the cluster is ready to
 * use, `interactiveMs` when the terminal takes input as well, both from navigation start).
 * A measurement, not a test: it exits 0 whatever the figures, and non-zero only if it could
 * not measure. Uses a server already on BASE_URL if there is one, else builds and previews.
 */
import type { Page } from '@playwright/test';
import { loadFigures, observeLoad, untilInteractive } from './load-watch';
import { runMain, withApp } from './standalone';

const PORT = Number(process.env.LONGTASK_PORT ?? 4179);
const REPLICAS = 300;
/** How long the untouched page is watched after it is ready. */
const LOAD_SETTLE_MS = 3000;

/** Types a command in the terminal and presses Enter (does not wait for it). */
async function type(page: Page, line: string): Promise<void> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/**
 * Waits until the graph's pod caption reads exactly `text` (e.g. "300 pods · 300 Running").
 * Polls one cheap querySelector twice a second: role-based locators scan the whole DOM on every
 * frame, and that work would show up as the app's own long tasks.
 */
async function caption(page: Page, text: string, timeoutMs = 300_000): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('.kp-caption')?.textContent === t, text, { polling: 500, timeout: timeoutMs });
}

/** Waits until some ReplicaSet button's accessible name matches `pattern`. */
async function replicaSet(page: Page, pattern: string, timeoutMs = 300_000): Promise<void> {
  await page.waitForFunction(
    (p) => [...document.querySelectorAll('.kp-kind-replicaset')].some((b) => new RegExp(p).test(b.getAttribute('aria-label') ?? '')),
    pattern,
    { polling: 500, timeout: timeoutMs },
  );
}

/**
 * The machine is shared: another process on the CPU stretches the wall time of any task. So the
 * main thread is also traced, and the longest task by CPU time (the trace's thread time) reported.
 */
async function startTrace(page: Page): Promise<void> {
  await page.context().browser()!.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
}

type TraceEvent = { name: string; pid: number; tid: number; tdur?: number; args?: { name?: string; data?: { url?: string } } };

/** Stops the trace; returns the page's main thread's longest task by CPU time, in ms. */
async function longestTaskCpuMs(page: Page): Promise<number> {
  const trace = await page.context().browser()!.stopTracing();
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  // The page's renderer is the one that ran its scripts (a browser may have other renderers).
  const origin = new URL(page.url()).origin;
  const pids = new Set(events.filter((e) => e.args?.data?.url?.startsWith(origin)).map((e) => e.pid));
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
  const cpu = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`)).map((e) => (e.tdur ?? 0) / 1000);
  return Math.round(Math.max(0, ...cpu));
}

interface LoadFigures {
  maxLongTaskMs: number;
  count: number;
  maxTaskCpuMs: number;
  readyMs: number;
  interactiveMs: number;
}

/** Long tasks from navigation until the page has been idle a while (nothing touched). */
async function measureLoad(page: Page): Promise<LoadFigures> {
  await page.waitForTimeout(LOAD_SETTLE_MS);
  const maxTaskCpuMs = await longestTaskCpuMs(page);
  const { tasks, readyMs, interactiveMs } = await loadFigures(page);
  return {
    maxLongTaskMs: Math.round(Math.max(0, ...tasks.map(([, duration]) => duration))),
    count: tasks.length,
    maxTaskCpuMs,
    readyMs: Math.round(readyMs),
    interactiveMs: Math.round(interactiveMs),
  };
}

async function measure(page: Page): Promise<void> {
  const load = await measureLoad(page);
  await page.getByLabel('Speed').selectOption('60');
  await page.waitForTimeout(1000);
  const churnStart = await page.evaluate(() => performance.now());
  await startTrace(page);
  const t0 = Date.now();

  await type(page, `kubectl create deployment churn --image=nginx:1.27 --replicas=${REPLICAS}`);
  await caption(page, `${REPLICAS} pods · ${REPLICAS} Running`);
  await type(page, 'kubectl set image deployment/churn nginx=nginx:1.26');
  await replicaSet(page, `^ReplicaSet churn-.*${REPLICAS}/${REPLICAS} ready · nginx:1\\.26$`);
  await caption(page, `${REPLICAS} pods · ${REPLICAS} Running`);
  await type(page, 'kubectl scale deployment churn --replicas=100');
  await caption(page, '100 pods · 100 Running');

  const wallMs = Date.now() - t0;
  const maxTaskCpuMs = await longestTaskCpuMs(page);
  const { tasks: all } = await loadFigures(page);
  const tasks = all.filter(([start]) => start >= churnStart).map(([, duration]) => duration);
  const maxLongTaskMs = tasks.length ? Math.max(...tasks) : 0;
  console.log(JSON.stringify({ maxLongTaskMs: Math.round(maxLongTaskMs), count: tasks.length, maxTaskCpuMs, wallMs, load }));
}

runMain(() => withApp({ port: PORT, viewport: { width: 1600, height: 960 }, initScript: observeLoad, beforeGoto: startTrace, ready: untilInteractive }, measure));
